package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * Interop with the real client apps are built on: the Amazon Chime SDK for JavaScript's
 * {@code DefaultMessagingSession} (3.32.0, under Node with {@code ws} as its WebSocket) and
 * {@code @aws-sdk/client-chime-sdk-messaging} against the reference server. Two sessions start (the SDK
 * resolves {@code start()} on SESSION_ESTABLISHED), a message posted with the JavaScript SDK reaches the
 * other member and the sender with its content, and so does a non-persistent one.
 *
 * <p>The packages are pinned in {@code src/test/node/package-lock.json}; the test installs them with
 * {@code npm ci} into {@code target/js-interop} once (again only when the lockfile changes). The server
 * speaks plain HTTP, so the script gives the SDK a WebSocket class that dials {@code ws://} where the SDK
 * asks for {@code wss://} (the SDK hard-codes the scheme).
 *
 * <p>Node 20 or later and npm must be installed, and the npm registry reachable for the first install.
 * Without them the test fails, saying so, unless {@code CHIME_SKIP_JS_INTEROP=1} is set; {@code CHIME_NODE}
 * and {@code CHIME_NPM} name other executables.
 */
class JsSdkInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path INSTALL = Path.of("target", "js-interop");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final ServedReference SERVED = new ServedReference();

    @Test
    void theJavaScriptSdkReceivesMessagesOverTheSession() throws Exception {
        String node = executable("CHIME_NODE", "node");
        String npm = executable("CHIME_NPM", "npm");
        install(npm);

        ChimeSdkIdentityClient identity = SERVED.service().identityClient();
        ChimeSdkMessagingClient messaging = SERVED.service().messagingClient();
        String app = identity.createAppInstance(r -> r.name("js-interop")).appInstanceArn();
        String alice = identity.createAppInstanceUser(r -> r.appInstanceArn(app).appInstanceUserId("alice")
                .name("Alice")).appInstanceUserArn();
        String bob = identity.createAppInstanceUser(r -> r.appInstanceArn(app).appInstanceUserId("bob")
                .name("Bob")).appInstanceUserArn();
        String channel = messaging.createChannel(r -> r.chimeBearer(alice).appInstanceArn(app).name("general"))
                .channelArn();
        messaging.createChannelMembership(r -> r.chimeBearer(alice).channelArn(channel).memberArn(bob)
                .type("DEFAULT"));

        Run run = run(List.of(node, "messaging-session-interop.js", SERVED.uri().toString(), alice, bob, channel),
                RUN_TIMEOUT);
        assertThat("node messaging-session-interop.js\n" + run, run.exitCode(), is(0));
        String[] lines = run.stdout().strip().split("\n");
        JsonNode summary = JSON.readTree(lines[lines.length - 1]);
        assertThat(summary.toString(), summary.path("receiverFirstEvent").asText(), equalTo("SESSION_ESTABLISHED"));
        JsonNode persistent = summary.path("persistent");
        assertThat(persistent.toString(), persistent.path("payload").path("Content").asText(),
                equalTo("Hello from the Amazon Chime SDK for JavaScript"));
        assertThat(persistent.path("payload").path("Sender").path("Arn").asText(), equalTo(alice));
        assertThat(persistent.path("payload").path("ChannelArn").asText(), equalTo(channel));
        assertThat(persistent.path("messageType").asText(), equalTo("STANDARD"));
        assertThat(summary.path("echoedToSender").asBoolean(), is(true));
        JsonNode nonPersistent = summary.path("nonPersistent");
        assertThat(nonPersistent.toString(), nonPersistent.path("payload").path("Persistence").asText(),
                equalTo("NON_PERSISTENT"));
    }

    /** {@code npm ci} into target/js-interop, unless the same lockfile is installed there already. */
    private static void install(String npm) throws Exception {
        Files.createDirectories(INSTALL);
        for (String file : List.of("package.json", "package-lock.json", "messaging-session-interop.js")) {
            Files.copy(SOURCES.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        String lock = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(SOURCES.resolve("package-lock.json"))));
        Path stamp = INSTALL.resolve("installed-lock.sha256");
        if (Files.isDirectory(INSTALL.resolve("node_modules"))
                && Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(lock)) {
            return;
        }
        Run ci = run(List.of(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"), INSTALL_TIMEOUT);
        assertThat("npm ci in " + INSTALL + " (the npm registry must be reachable for the first install)\n" + ci,
                ci.exitCode(), is(0));
        Files.writeString(stamp, lock + "\n");
    }

    private static String executable(String variable, String name) {
        if ("1".equals(System.getenv("CHIME_SKIP_JS_INTEROP"))) {
            Assumptions.abort("CHIME_SKIP_JS_INTEROP=1: the Amazon Chime SDK for JavaScript interop test is skipped");
        }
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                fail(variable + " names " + configured + ", which is not an executable file");
            }
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("'" + name + "' is not on the PATH: the Amazon Chime SDK for JavaScript interop test needs"
                + " Node.js 20 or later and npm (Debian: apt-get install -y nodejs npm). Name them with CHIME_NODE"
                + " and CHIME_NPM, or set CHIME_SKIP_JS_INTEROP=1 to skip this test.");
    }

    record Run(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    /** Runs a command in target/js-interop with a time limit, with no AWS settings of the machine. */
    private static Run run(List<String> command, Duration timeout) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(INSTALL.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().put("NO_UPDATE_NOTIFIER", "1");
        Process process = pb.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return new Run(-1, out.getNow(""), "timed out after " + timeout + "\n" + err.getNow(""));
        }
        return new Run(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static CompletableFuture<String> drain(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
