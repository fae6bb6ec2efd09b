package chime.conformance.reference.http;

import chime.conformance.reference.ReferenceService;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh reference served on a free loopback port for the tests of one class: registered as a static
 * {@code @RegisterExtension} field, it starts before the first test and stops after the last.
 */
final class ServedReference implements BeforeAllCallback, AfterAllCallback {

    private ReferenceService service;
    private ReferenceHttpServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        service = ReferenceService.create();
        server = ReferenceHttpServer.start(service, "127.0.0.1", 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
        service.close();
    }

    ReferenceService service() {
        return service;
    }

    URI uri() {
        return server.uri();
    }
}
