package chime.conformance.runner.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import chime.conformance.runner.cli.Main;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target that echoes the run's credentials leaves them in no output: before, the report's redaction
 * covered the HTML but not JUnit XML or the message stream, and credentials the run holds were not redacted
 * by value. Here a target answers every request with the access key ID (which it reads from the signature),
 * the secret access key (which it has somehow learnt) and the Authorization header, in a header and in the
 * error message, plain, percent-encoded and with an escape sequence; a short run against it must leave
 * neither credential in any file of the report (HTML, results.json, junit.xml, the message stream) nor on
 * the console, and no control character on the console either.
 */
class EchoingTargetRedactionTest {

    /** Not of the AKIA/ASIA shape, so only redaction by value can catch it. */
    private static final String ACCESS_KEY_ID = "ECHOEXAMPLEKEYID4711";
    private static final String SECRET_ACCESS_KEY = "echo/Secret+Access=Key-0123456789abcdefghij";

    @TempDir
    Path work;

    @Test
    void noCredentialReachesAnyOutput() throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            String encoded = URLEncoder.encode(SECRET_ACCESS_KEY, StandardCharsets.UTF_8);
            String message = "echo: authorization=" + authorization + " key " + ACCESS_KEY_ID + " secret "
                    + SECRET_ACCESS_KEY + " encoded " + encoded + " \u001b]0;pwned\u0007\u001b[31mred";
            byte[] body = ("{\"Code\":\"BadRequest\",\"Message\":\"" + message.replace("\u001b", "\\u001b")
                    .replace("\u0007", "\\u0007") + "\",\"SecretAccessKey\":\"" + SECRET_ACCESS_KEY + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "BadRequestException");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-echo-credentials", ACCESS_KEY_ID + ":" + SECRET_ACCESS_KEY);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echo.start();
        try {
            Path config = work.resolve("target.yaml");
            Files.writeString(config, "endpoint: http://127.0.0.1:" + echo.getAddress().getPort() + "\n"
                    + "credentials: static\naccessKeyId: " + ACCESS_KEY_ID + "\nsecretAccessKey: \""
                    + SECRET_ACCESS_KEY + "\"\n");
            Path report = work.resolve("report");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = Main.executeGuarded(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "run", "--target",
                    "http://127.0.0.1:" + echo.getAddress().getPort(), "--target-config", config.toString(),
                    "--report", report.toString(), "--tags", "@rule:CHAN-001 or @rule:MSG-001", "--threads", "2",
                    "--ndjson"); // the message stream too, which is written only when asked for

            String console = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            assertThat("the run failed, as against such a target it must: " + console, exit, is(1));
            assertThat("the target's message reached the console", console, containsString("echo: authorization="));
            assertClean("the console", console);
            assertThat("no control character on the console", console.chars()
                    .filter(c -> c < 0x20 && c != '\n' && c != '\t').count(), is(0L));

            List<Path> files;
            try (Stream<Path> walk = Files.walk(report)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            List<String> names = files.stream().map(p -> report.relativize(p).toString()).toList();
            for (String expected : List.of("index.html", "results.json", "junit.xml", "cucumber-messages.ndjson")) {
                assertThat(names, org.hamcrest.Matchers.hasItem(expected));
            }
            List<String> leaks = new ArrayList<>();
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                String decoded = text + decodedAttachments(text);
                if (!clean(decoded)) {
                    leaks.add(report.relativize(file) + ": ..." + around(decoded) + "...");
                }
            }
            assertThat("files with a credential in them", leaks, is(empty()));
            assertThat("the echo is in the report, redacted", Files.readString(report.resolve("results.json")),
                    containsString("echo: authorization="));
            assertThat(files.size(), greaterThan(4));
        } finally {
            echo.stop(0);
        }
    }

    private static void assertClean(String where, String text) {
        assertThat(where, clean(text), is(true));
        assertThat(where, text, not(containsString(ACCESS_KEY_ID)));
    }

    private static boolean clean(String text) {
        String encoded = URLEncoder.encode(SECRET_ACCESS_KEY, StandardCharsets.UTF_8);
        return !text.contains(ACCESS_KEY_ID) && !text.contains(SECRET_ACCESS_KEY) && !text.contains(encoded)
                && !text.contains(SECRET_ACCESS_KEY.replace("/", "\\/"));
    }

    private static String around(String text) {
        int at = text.indexOf(ACCESS_KEY_ID);
        if (at < 0) {
            at = text.indexOf(SECRET_ACCESS_KEY.substring(0, 10));
        }
        if (at < 0) {
            at = text.indexOf(URLEncoder.encode(SECRET_ACCESS_KEY, StandardCharsets.UTF_8).substring(0, 10));
        }
        return at < 0 ? "?" : text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 60));
    }

    /** The message stream carries evidence base64-encoded: look inside too. */
    private static String decodedAttachments(String text) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"body\":\"([A-Za-z0-9+/=]{16,})\"").matcher(text);
        while (m.find()) {
            try {
                out.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                // a body that only looks like base64
            }
        }
        return out.toString();
    }
}
