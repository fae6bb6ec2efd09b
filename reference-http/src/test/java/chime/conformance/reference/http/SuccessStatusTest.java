package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The success status of every operation on the wire, against the lists of the wire rules (rules.md,
 * HTTP-001 to HTTP-004, from the model's responseCode): 201 for creations and sends, 204 with no body for
 * output-less operations, 200 with an empty body for AssociateChannelFlow, 200 otherwise.
 */
class SuccessStatusTest {

    private static final Set<String> CREATED_201 = Set.of("CreateChannel", "CreateChannelBan", "CreateChannelFlow",
            "CreateChannelMembership", "CreateChannelModerator", "SendChannelMessage",
            // identity, model-constraints section 6
            "CreateAppInstance", "CreateAppInstanceUser", "CreateAppInstanceAdmin");
    private static final Set<String> NO_CONTENT_204 = Set.of("DeleteChannel", "DeleteChannelBan",
            "DeleteChannelFlow", "DeleteChannelMembership", "DeleteChannelMessage", "DeleteChannelModerator",
            "DisassociateChannelFlow", "TagResource", "UntagResource",
            "DeleteAppInstance", "DeleteAppInstanceUser", "DeleteAppInstanceAdmin");

    private static final FakeClients FAKE = new FakeClients();
    private static ReferenceHttpServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = ReferenceHttpServer.start(FAKE.messaging, FAKE.identity, "127.0.0.1", 0);
        // Every operation answers with every member set, so an empty body is the server's doing.
        for (Route route : RouteTable.routes()) {
            Class<?> responseType = OperationBinding.resolve(route).clientMethod().getReturnType();
            FAKE.answer(route.operation(), request -> ModelSamples.full(responseType));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyOperationAnswersWithTheModelsSuccessStatus() throws Exception {
        for (Route route : RouteTable.routes()) {
            String path = route.template().replaceAll("\\{[^}]+}", "arn%3Aaws%3Achime%3Ax%3A1%3Athing%2F1");
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                    .method(route.method(), route.method().equals("GET") || route.method().equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                    .header("x-amz-chime-bearer", "arn:aws:chime:us-east-1:111122223333:app-instance/a/user/u")
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String op = route.operation();
            int expected = CREATED_201.contains(op) ? 201 : NO_CONTENT_204.contains(op) ? 204 : 200;
            assertThat(op + " status", response.statusCode(), is(expected));
            boolean emptyBody = expected == 204 || op.equals("AssociateChannelFlow");
            assertThat(op + " has an empty body", response.body().isEmpty(), is(emptyBody));
        }
    }
}
