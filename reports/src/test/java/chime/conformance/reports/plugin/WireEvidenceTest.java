package chime.conformance.reports.plugin;

import chime.conformance.reports.model.Redaction;
import chime.conformance.reports.model.WireExchange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WireEvidenceTest {

    private static List<WireExchange> parse(String json) throws IOException {
        return WireEvidence.parse(json.getBytes(StandardCharsets.UTF_8), Redaction.of(false));
    }

    @Test
    void headersMayBeAnObjectWithListsOrAnArrayOfPairs() throws IOException {
        List<WireExchange> exchanges = parse("""
                [{"method":"GET","path":"/channels","query":{"max-results":["2"],"privacy":"PUBLIC"},"status":200,
                  "requestHeaders":{"Accept":["application/json","*/*"],"Authorization":"AWS4 secret"},
                  "responseHeaders":[{"name":"x-amzn-RequestId","value":"r-1"}],
                  "responseBody":"{\\"Channels\\":[]}"}]
                """);
        WireExchange exchange = exchanges.get(0);
        assertThat(exchange.requestLine(), is("GET /channels?max-results=2&privacy=PUBLIC"));
        assertThat(exchange.requestHeaders(), hasSize(3));
        assertThat(exchange.requestHeaders().get(2).value(), is("[redacted]"));
        assertThat(exchange.responseHeaders().get(0).value(), is("r-1"));
        assertThat("JSON bodies are pretty-printed", exchange.responseBody(), containsString("\"Channels\" : [ ]"));
        assertThat(exchange.requestBody(), nullValue());
        assertThat(exchange.isError(), is(false));
    }

    @Test
    void aBodyThatIsNotJsonIsKeptAsSent() throws IOException {
        WireExchange exchange = parse("[{\"method\":\"POST\",\"path\":\"/x\",\"status\":500,\"responseBody\":\"{not json\"}]").get(0);
        assertThat(exchange.responseBody(), is("{not json"));
        assertThat(exchange.isError(), is(true));
    }

    @Test
    void aLongBodyIsCut() throws IOException {
        String big = "x".repeat(WireEvidence.MAX_BODY + 10);
        WireExchange exchange = parse("[{\"method\":\"POST\",\"path\":\"/x\",\"requestBody\":\"" + big + "\"}]").get(0);
        assertThat(exchange.requestBody(), containsString("(truncated; " + (WireEvidence.MAX_BODY + 10) + " bytes in all)"));
        assertThat(exchange.status(), nullValue());
    }

    @Test
    void somethingElseIsRejected() {
        assertThrows(IOException.class, () -> parse("\"just a string\""));
        assertThrows(IOException.class, () -> parse("[{\"method\": "));
    }
}
