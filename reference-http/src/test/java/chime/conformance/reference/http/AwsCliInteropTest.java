package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with a client nobody on this project wrote: the AWS CLI (botocore's own restJson1 serializer and
 * parser) drives the reference server through a small conversation, and its parsed JSON output and exit
 * codes are what the test asserts on.
 *
 * <p>The CLI must be installed (the Debian package {@code awscli}, which {@code scripts/test} installs when it
 * can). Without it the test fails, saying so, unless {@code CHIME_SKIP_CLI_INTEROP=1} is set.
 * {@code CHIME_AWS_CLI} names another executable.
 */
class AwsCliInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PER_COMMAND = Duration.ofSeconds(60);

    @RegisterExtension
    static final ServedReference SERVED = new ServedReference();

    @Test
    void theAwsCliHoldsAConversationWithTheServer(@TempDir Path home) throws Exception {
        String executable = awsCli();
        ExternalClient client = new ExternalClient(home, PER_COMMAND);
        ExternalClient.Result version = client.run(List.of(executable, "--version"));
        assertThat("aws --version: " + version, version.exitCode(), is(0));
        int major = majorVersion(version.stdout() + version.stderr());

        Aws aws = new Aws(client, executable);
        String appInstance = aws.ok("chime-sdk-identity", "create-app-instance", "--name", "cli-interop",
                "--client-request-token", "cli-token-app-instance").get("AppInstanceArn").asText();
        assertThat(appInstance, startsWith("arn:aws:chime:"));
        String alice = aws.ok("chime-sdk-identity", "create-app-instance-user", "--app-instance-arn", appInstance,
                "--app-instance-user-id", "alice", "--name", "Alice", "--client-request-token", "cli-token-alice")
                .get("AppInstanceUserArn").asText();
        String bob = aws.ok("chime-sdk-identity", "create-app-instance-user", "--app-instance-arn", appInstance,
                "--app-instance-user-id", "bob", "--name", "Bob", "--client-request-token", "cli-token-bob")
                .get("AppInstanceUserArn").asText();
        // Alice creates the channel, which makes her its member and moderator (CHAN-026): she may add Bob.
        String channel = aws.ok("chime-sdk-messaging", "create-channel", "--app-instance-arn", appInstance,
                "--name", "general", "--mode", "UNRESTRICTED", "--privacy", "PUBLIC",
                "--client-request-token", "cli-token-channel", "--chime-bearer", alice).get("ChannelArn").asText();
        JsonNode membership = aws.ok("chime-sdk-messaging", "create-channel-membership", "--channel-arn", channel,
                "--member-arn", bob, "--type", "DEFAULT", "--chime-bearer", alice);
        assertThat(membership.get("Member").get("Arn").asText(), equalTo(bob));

        List<String> sent = new ArrayList<>();
        for (String content : List.of("first", "second", "third")) {
            sent.add(aws.ok("chime-sdk-messaging", "send-channel-message", "--channel-arn", channel,
                    "--content", content, "--type", "STANDARD", "--persistence", "PERSISTENT",
                    "--client-request-token", "cli-token-" + content, "--chime-bearer", bob)
                    .get("MessageId").asText());
        }

        // No paginator exists for the service: the NextToken is followed by hand. Newest first by default.
        JsonNode page1 = aws.ok("chime-sdk-messaging", "list-channel-messages", "--channel-arn", channel,
                "--max-results", "2", "--no-paginate", "--chime-bearer", bob);
        assertThat(contents(page1), equalTo(List.of("third", "second")));
        assertThat("a second page is announced", page1.hasNonNull("NextToken"), is(true));
        JsonNode page2 = aws.ok("chime-sdk-messaging", "list-channel-messages", "--channel-arn", channel,
                "--max-results", "2", "--no-paginate", "--next-token", page1.get("NextToken").asText(),
                "--chime-bearer", bob);
        assertThat(contents(page2), equalTo(List.of("first")));
        assertThat(page2.get("ChannelMessages").get(0).get("MessageId").asText(), equalTo(sent.get(0)));
        assertThat("no third page", page2.hasNonNull("NextToken"), is(false));
        assertThat("timestamps parse as numbers", page2.get("ChannelMessages").get(0).get("CreatedTimestamp")
                .isMissingNode(), is(false));

        // Carol is in the AppInstance but not in the channel: she may not post (AUTH-021).
        String carol = aws.ok("chime-sdk-identity", "create-app-instance-user", "--app-instance-arn", appInstance,
                "--app-instance-user-id", "carol", "--name", "Carol", "--client-request-token", "cli-token-carol")
                .get("AppInstanceUserArn").asText();
        ExternalClient.Result refused = aws.run("chime-sdk-messaging", "send-channel-message", "--channel-arn",
                channel, "--content", "hello?", "--type", "STANDARD", "--persistence", "PERSISTENT",
                "--client-request-token", "cli-token-carol-post", "--chime-bearer", carol);
        // AWS CLI v2 exits 254 when the service answers with an error; v1 exits 255 for every error.
        assertThat(refused.toString(), refused.exitCode(), is(major >= 2 ? 254 : 255));
        assertThat(refused.stderr(), containsString("ForbiddenException"));
        assertThat(refused.stdout().trim(), equalTo(""));
    }

    /**
     * The README's AWS CLI example, run as it is written there (only the endpoint's port differs): create an
     * AppInstance and a user, create a channel as that user, post in it as that user and list the messages,
     * with no other step. The creator of a channel is its member (CHAN-026), so the post is accepted.
     */
    @Test
    void theReadmeExampleCreatesAChannelAndPostsInItAsItsCreator(@TempDir Path home) throws Exception {
        String executable = awsCli();
        String example = readmeExample().replace("http://127.0.0.1:8080", SERVED.uri().toString());
        String path = Path.of(executable).getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
        ExternalClient client = new ExternalClient(home, PER_COMMAND.multipliedBy(6));
        ExternalClient.Result result = client.run(List.of("bash", "-e", "-u", "-o", "pipefail", "-c",
                "export PATH='" + path + "'\n" + example));
        assertThat(result.toString(), result.exitCode(), is(0));
        // The last JSON document printed (its opening brace at the start of a line) is the list of messages.
        Matcher documents = Pattern.compile("(?m)^\\{").matcher(result.stdout());
        int last = -1;
        while (documents.find()) {
            last = documents.start();
        }
        assertThat(result.toString(), last >= 0, is(true));
        JsonNode listed = JSON.readTree(result.stdout().substring(last));
        assertThat(result.toString(), contents(listed), equalTo(List.of("Hello, channel")));
    }

    /** The fenced shell block of the README that posts with the AWS CLI. */
    private static String readmeExample() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !hasExample(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return fail("no README.md with the AWS CLI example in " + System.getProperty("user.dir") + " or above");
        }
        Matcher block = Pattern.compile("```(?:sh|bash)?\\n((?:(?!```)[\\s\\S])*?send-channel-message(?:(?!```)[\\s\\S])*?)```")
                .matcher(Files.readString(dir.resolve("README.md")));
        if (!block.find()) {
            return fail("README.md has no fenced block with send-channel-message");
        }
        return block.group(1);
    }

    private static boolean hasExample(Path readme) throws Exception {
        return Files.isRegularFile(readme) && Files.readString(readme).contains("send-channel-message");
    }

    /** The AWS CLI through botocore's Python API directly, when python3 has boto3 (optional). */
    @Test
    void boto3HoldsAConversationWithTheServer(@TempDir Path home) throws Exception {
        ExternalClient client = new ExternalClient(home, PER_COMMAND);
        ExternalClient.Result probe = client.run(List.of("python3", "-c", "import boto3"));
        Assumptions.assumeTrue(probe.exitCode() == 0, "python3 with boto3 is not installed: " + probe.stderr());
        String script = """
                import json, sys, boto3, botocore.exceptions
                url = sys.argv[1]
                identity = boto3.client("chime-sdk-identity", endpoint_url=url)
                messaging = boto3.client("chime-sdk-messaging", endpoint_url=url)
                app = identity.create_app_instance(Name="boto3", ClientRequestToken="boto3-app")["AppInstanceArn"]
                alice = identity.create_app_instance_user(AppInstanceArn=app, AppInstanceUserId="alice", Name="Alice",
                                                          ClientRequestToken="boto3-alice")["AppInstanceUserArn"]
                channel = messaging.create_channel(AppInstanceArn=app, Name="c", Mode="UNRESTRICTED", Privacy="PUBLIC",
                                                   ClientRequestToken="boto3-channel", ChimeBearer=alice)["ChannelArn"]
                described = messaging.describe_channel(ChannelArn=channel, ChimeBearer=alice)["Channel"]
                try:
                    messaging.describe_channel(ChannelArn=channel, ChimeBearer=app + "/user/nobody")
                    error = None
                except botocore.exceptions.ClientError as e:
                    error = {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
                             "modeled": isinstance(e, messaging.exceptions.UnauthorizedClientException)}
                print(json.dumps({"channel": channel, "arn": described["ChannelArn"],
                                  "created": type(described["CreatedTimestamp"]).__name__, "error": error}))
                """;
        Path file = home.resolve("conversation.py");
        Files.writeString(file, script);
        ExternalClient.Result result = client.run(List.of("python3", file.toString(), SERVED.uri().toString()));
        assertThat(result.toString(), result.exitCode(), is(0));
        JsonNode out = JSON.readTree(result.stdout());
        assertThat(out.get("arn").asText(), equalTo(out.get("channel").asText()));
        // botocore parses an epoch-seconds number into a datetime.
        assertThat(out.get("created").asText(), equalTo("datetime"));
        // AUTH-002: a bearer naming no user, as the real service was reported answering.
        assertThat(out.get("error").get("code").asText(), equalTo("UnauthorizedClientException"));
        assertThat(out.get("error").get("status").asInt(), is(401));
        assertThat(out.get("error").get("modeled").asBoolean(), is(true));
    }

    private static List<String> contents(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("ChannelMessages").forEach(m -> out.add(m.get("Content").asText()));
        return out;
    }

    private static int majorVersion(String versionLine) {
        Matcher m = Pattern.compile("aws-cli/(\\d+)\\.").matcher(versionLine);
        if (!m.find()) {
            fail("cannot tell the AWS CLI's version from: " + versionLine);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The AWS CLI on the PATH (or CHIME_AWS_CLI); fails the test when absent, unless told to skip. */
    private static String awsCli() {
        if ("1".equals(System.getenv("CHIME_SKIP_CLI_INTEROP"))) {
            Assumptions.abort("CHIME_SKIP_CLI_INTEROP=1: the AWS CLI interop test is skipped");
        }
        String configured = System.getenv("CHIME_AWS_CLI");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                fail("CHIME_AWS_CLI names " + configured + ", which is not an executable file");
            }
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("The AWS CLI ('aws') is not on the PATH. Install it (Debian: apt-get install -y awscli), name it"
                + " with CHIME_AWS_CLI, or set CHIME_SKIP_CLI_INTEROP=1 to skip this interop test.");
    }

    /** One AWS CLI command against the server: JSON output, the server's endpoint, bounded timeouts. */
    private record Aws(ExternalClient client, String executable) {

        ExternalClient.Result run(String service, String operation, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(executable, service, operation));
            command.addAll(List.of(args));
            command.addAll(List.of("--endpoint-url", SERVED.uri().toString(), "--output", "json",
                    "--cli-connect-timeout", "10", "--cli-read-timeout", "30"));
            return client.run(command);
        }

        JsonNode ok(String service, String operation, String... args) throws Exception {
            ExternalClient.Result result = run(service, operation, args);
            assertThat(operation + ": " + result, result.exitCode(), is(0));
            assertThat(operation + " printed JSON", result.stdout().trim(), not(equalTo("")));
            return JSON.readTree(result.stdout());
        }
    }
}
