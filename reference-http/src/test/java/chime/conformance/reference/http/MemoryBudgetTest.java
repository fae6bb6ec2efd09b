package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Past the memory budget, requests that add data get ServiceUnavailableException (503) while reads and
 * deletes are served; the budget reads the heap the JVM reports after a collection. (The flood of a real
 * {@code serve} past a small heap is ServeMemoryFloodTest, in the runner.)
 */
class MemoryBudgetTest {

    private static final String CHANNEL = "arn%3Aaws%3Achime%3Aus-east-1%3A111122223333%3Aapp-instance%2Fai%2Fchannel%2Fc1";

    @Test
    void pastTheBudgetWritesAreRefusedAndReadsAndDeletesGoOn() throws Exception {
        FakeClients fake = new FakeClients();
        MemoryBudget budget = MemoryBudget.ofBytes(1); // any heap in use is past it
        try (ReferenceHttpServer server = ReferenceHttpServer.start(fake.messaging, fake.identity, "127.0.0.1", 0,
                ReferenceHttpServer.Limits.defaults(), budget)) {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (budget.heldBytes() == 0 && System.nanoTime() < until) {
                System.gc(); // the measure comes with a collection's notification
                Thread.sleep(50);
            }
            assertThat(budget.heldBytes(), greaterThan(1L));

            RawHttp.Reply write = send(server, "POST /channels/" + CHANNEL + "/messages", "{\"Content\":\"hi\"}");
            assertThat(write.status(), is(503));
            assertThat(write.header("x-amzn-ErrorType"), equalTo("ServiceUnavailableException"));
            assertThat(send(server, "POST /channels", "{}").status(), is(503));
            assertThat(send(server, "PUT /channels/" + CHANNEL, "{}").status(), is(503));
            assertThat("nothing reached the service", fake.calls.isEmpty(), is(true));

            assertThat(send(server, "GET /channels/" + CHANNEL + "/messages", null).status(), is(200));
            assertThat(send(server, "DELETE /channels/" + CHANNEL + "/messages/m1", null).status(), is(204));
            assertThat(send(server, "POST /channels/" + CHANNEL + "/messages/m1?operation=redact", null).status(),
                    is(200));
            assertThat(send(server, "DELETE /channels/" + CHANNEL, null).status(), is(204));
        }
    }

    @Test
    void aBudgetIsAShareOfTheHeapOrASize() {
        long heap = Runtime.getRuntime().maxMemory();
        assertThat(MemoryBudget.parse("60%").budgetBytes(), is((long) (heap * 0.6)));
        assertThat(MemoryBudget.parse("200m").budgetBytes(), is(200L << 20));
        assertThat(MemoryBudget.parse("1G").budgetBytes(), is(1L << 30));
        assertThat(MemoryBudget.parse("4096").budgetBytes(), is(4096L));
        for (String bad : new String[] {"", "0", "-1m", "150%", "lots", "9999999999g"}) {
            assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse(bad), bad);
        }
    }

    @Test
    void readsAndRemovalsAreTheOperationsThatNeverWait() {
        for (String op : new String[] {"DescribeChannel", "ListChannelMessages", "GetChannelMessage", "DeleteChannel",
                "DisassociateChannelFlow", "UntagResource", "RedactChannelMessage", "DeleteAppInstance"}) {
            assertThat(op, RestJsonDispatcher.addsData(op), is(false));
        }
        for (String op : new String[] {"SendChannelMessage", "CreateChannel", "UpdateChannelMessage", "TagResource",
                "BatchCreateChannelMembership", "ChannelFlowCallback", "AssociateChannelFlow", "CreateAppInstance",
                "UpdateChannelReadMarker"}) {
            assertThat(op, RestJsonDispatcher.addsData(op), is(true));
        }
    }

    private static RawHttp.Reply send(ReferenceHttpServer server, String requestLine, String body) throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(server.uri(), requestLine + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "x-amz-chime-bearer: arn:aws:chime:us-east-1:111122223333:app-instance/ai/user/alice\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length, bytes, 10_000);
    }
}
