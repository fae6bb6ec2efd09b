package chime.conformance.reports.model;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

class RedactionTest {

    private final Redaction plain = Redaction.of(false);
    private final Redaction masking = Redaction.of(true);

    @Test
    void credentialHeadersAreRedactedWhateverTheirCase() {
        assertThat(plain.header("authorization", "AWS4-HMAC-SHA256 Credential=AKIA..."), is("[redacted]"));
        assertThat(plain.header("X-Amz-Security-Token", "FwoG..."), is("[redacted]"));
        assertThat(plain.header("X-Amz-Date", "20250101T000000Z"), is("20250101T000000Z"));
        assertThat(plain.header("x-amz-chime-bearer", "arn:aws:chime:us-east-1:111122223333:app-instance/x/user/a"),
                is("arn:aws:chime:us-east-1:111122223333:app-instance/x/user/a"));
    }

    @Test
    void presignedQueryParametersAreRedacted() {
        assertThat(plain.query("max-results=2&X-Amz-Signature=abc123&X-Amz-Credential=AKIAX%2F2025&next-token=t"),
                is("max-results=2&X-Amz-Signature=[redacted]&X-Amz-Credential=[redacted]&next-token=t"));
    }

    @Test
    void secretsInsideFreeTextAreRedacted() {
        String text = plain.text("request failed: Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/x, "
                + "SignedHeaders=host, Signature=0123456789abcdef0123456789abcdef; body {\"SessionToken\": \"secret\"} key ASIAIOSFODNN7EXAMPLE");
        assertThat(text, not(containsString("AKIAIOSFODNN7EXAMPLE")));
        assertThat(text, not(containsString("ASIAIOSFODNN7EXAMPLE")));
        assertThat(text, not(containsString("0123456789abcdef0123456789abcdef")));
        assertThat(text, not(containsString("\"secret\"")));
        assertThat(text, containsString("request failed"));
    }

    @Test
    void accountIdsInArnsAreMaskedOnlyWhenAsked() {
        String arn = "arn:aws:chime:us-east-1:111122223333:app-instance/x";
        assertThat(plain.text(arn), is(arn));
        assertThat(masking.text(arn), is("arn:aws:chime:us-east-1:************:app-instance/x"));
        assertThat(masking.text("{\"AccountId\": \"111122223333\"}"), is("{\"AccountId\": \"************\"}"));
        assertThat("a message ID is not an account", masking.text("message 123456789012 sent"), is("message 123456789012 sent"));
        String path = "/channels/arn%3Aaws%3Achime%3Aus-east-1%3A111122223333%3Aapp-instance%2Fx?operation=x";
        assertThat(plain.text(path), is(path));
        assertThat("an ARN in a request path", masking.text(path),
                is("/channels/arn%3Aaws%3Achime%3Aus-east-1%3A************%3Aapp-instance%2Fx?operation=x"));
    }

    /** Every credential the run holds goes by value, whatever its shape and wherever it is echoed. */
    @Test
    void registeredCredentialsAreRedactedByValueAsIsAndPercentEncoded() {
        String key = "NOTAKIASHAPEDKEY0042";
        String secret = "wJalr/XUtnFEMI+K7MDENG=bPxRfiCYEXAMPLEKEY";
        String token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/with+slash==";
        Redaction.secret(key);
        Redaction.secret(secret);
        Redaction.secret(token);
        Redaction.secret("test"); // too short to be a credential: never redacted, or every "test" would go

        String echoed = plain.text("x-echo: " + key + " " + secret + " q=" + java.net.URLEncoder.encode(secret,
                java.nio.charset.StandardCharsets.UTF_8) + " " + token + " a test");
        assertThat(echoed, not(containsString(key)));
        assertThat(echoed, not(containsString("wJalr")));
        assertThat(echoed, not(containsString("IQoJb3J")));
        assertThat(echoed, containsString("a test"));
        assertThat(plain.header("x-echo", secret), is("[redacted]"));
    }

    @Test
    void untrustedTextShowsControlCharactersAsEscapes() {
        assertThat(plain.untrusted("a\u001b[2Jb\tc\nd\u0000e\u007ff\u009bg\u202eh"),
                is("a\\u001b[2Jb\tc\nd\\u0000e\\u007ff\\u009bg\\u202eh"));
        assertThat(Redaction.printable("plain text, é and 日本"), is("plain text, é and 日本"));
    }
}
