package chime.conformance.reference;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The fake is a library for tests: a user who depends on this artifact alone gets no HTTP server and no HTTP
 * client (the server is chime-conformance-reference-http). The module's test class path is its own compile
 * class path plus the test libraries, so what is absent here is absent for that user too.
 */
class NoServerOnTheClassPathTest {

    @Test
    void neitherJettyNorAnSdkHttpClientIsADependency() {
        for (String name : new String[] {"org.eclipse.jetty.server.Server",
                "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
                "software.amazon.awssdk.http.apache.ApacheHttpClient",
                "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient",
                "chime.conformance.reference.http.ReferenceHttpServer"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
        }
    }
}
