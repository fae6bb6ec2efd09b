package chime.conformance.runner.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import chime.conformance.reports.model.Redaction;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OutputRedactionTest {

    private static final String EVIDENCE = "[{\"path\":\"/channels/arn%3Aaws%3Achime%3Aus-east-1%3A111122223333%3Aapp-instance%2Fa\","
            + "\"body\":\"{\\\"ChannelArn\\\":\\\"arn:aws:chime:us-east-1:111122223333:app-instance/a/channel/c\\\"}\"}]";

    @Test
    void evidenceAttachedAsBytesIsMaskedInsideItsEncoding() throws Exception {
        String line = "{\"attachment\":{\"body\":\"" + Base64.getEncoder().encodeToString(EVIDENCE.getBytes(StandardCharsets.UTF_8))
                + "\",\"contentEncoding\":\"BASE64\",\"mediaType\":\"application/vnd.chime-conformance.wire+json\"}}";

        String masked = OutputRedaction.redactMessage(line, Redaction.of(true));

        String body = new String(Base64.getDecoder().decode(new ObjectMapper().readTree(masked).at("/attachment/body").asText()),
                StandardCharsets.UTF_8);
        assertThat(body, not(containsString("111122223333")));
        assertThat(body, containsString("arn:aws:chime:us-east-1:************:app-instance/a/channel/c"));
        assertThat(body, containsString("arn%3Aaws%3Achime%3Aus-east-1%3A************%3Aapp-instance"));
    }

    @Test
    void plainMessagesAreMaskedAsText() throws Exception {
        String line = "{\"testStepFinished\":{\"testStepResult\":{\"message\":\"expected arn:aws:chime:us-east-1:111122223333:app-instance/a\"}}}";
        assertThat(OutputRedaction.redactMessage(line, Redaction.of(true)), not(containsString("111122223333")));
    }
}
