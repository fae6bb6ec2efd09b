package chime.conformance.runner.target.aws;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.runner.cli.Main;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.reference.ReferenceProcessors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --target aws} and {@code sweep}, end to end through the command line, with the reference served
 * over HTTP standing in for AWS: the same code path as a real run (credentials from a profile, the plan, the
 * confirmation, provisioning, the scenarios, cleanup, sweep), only the endpoint is overridden. STS is not
 * served by the reference, so the account lookup is skipped, as the aws target does with an endpoint
 * override and no sts-endpoint; processors come from the target config (the reference's built-in ARNs).
 */
class AwsTargetPathTest {

    static final String PROFILE = "chime-conformance-test";
    static final String ACCESS_KEY_ID = "AKIACHIMETESTKEY0001";
    static final String SECRET = "chime-conformance-test-secret-8c1f0e";
    static final String SESSION_TOKEN = "chime-conformance-test-session-token-51d2a9";
    private static final String[] PROPERTIES = {"aws.sharedCredentialsFile", "aws.configFile"};
    private static final String[] saved = new String[PROPERTIES.length];

    @TempDir
    static Path home;

    @TempDir
    Path work;

    private RecordingReference aws;
    private Path config;

    /** A profile in shared files of our own, so the test never reads (or needs) the machine's credentials. */
    @BeforeAll
    static void profile() throws IOException {
        Path credentials = home.resolve("credentials");
        Files.writeString(credentials, "[" + PROFILE + "]\naws_access_key_id = " + ACCESS_KEY_ID
                + "\naws_secret_access_key = " + SECRET + "\naws_session_token = " + SESSION_TOKEN + "\n");
        Path configFile = home.resolve("config");
        Files.writeString(configFile, "");
        for (int i = 0; i < PROPERTIES.length; i++) {
            saved[i] = System.getProperty(PROPERTIES[i]);
        }
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", configFile.toString());
    }

    @AfterAll
    static void restore() {
        for (int i = 0; i < PROPERTIES.length; i++) {
            if (saved[i] == null) {
                System.clearProperty(PROPERTIES[i]);
            } else {
                System.setProperty(PROPERTIES[i], saved[i]);
            }
        }
    }

    @BeforeEach
    void standInForAws() throws IOException {
        aws = new RecordingReference();
        config = work.resolve("aws-target.yaml");
        StringBuilder yaml = new StringBuilder("endpoint: " + aws.uri() + "\nconsistency: PT2S\nprocessors:\n");
        for (ProcessorBehaviour b : List.of(ProcessorBehaviour.PASS_THROUGH, ProcessorBehaviour.DENY,
                ProcessorBehaviour.REWRITE, ProcessorBehaviour.UNREACHABLE)) {
            yaml.append("  ").append(b.key()).append(": ").append(ReferenceProcessors.arn(b)).append('\n');
        }
        Files.writeString(config, yaml);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void aRunProvisionsRunsTheScenariosCleansUpAndLeavesNothingToSweep() throws IOException {
        Path report = work.resolve("report");
        Cli run = Cli.run("run", "--target", "aws", "--target-config", config.toString(), "--profile", PROFILE,
                "--yes-create-resources", "--tags", "@area:CHAN or @area:FLOW", "--report", report.toString(),
                "--threads", "4", "--mask-account");

        assertThat(run.describe(), run.exit, is(not(2)));
        assertThat(run.out, containsString("will create, and delete when it ends"));
        assertThat(run.out, containsString("Account: not looked up (endpoint override without sts-endpoint"));
        assertThat(run.out, containsString("Cleaning up run"));
        // The plan is printed before the first call; the run's AppInstances are its first calls.
        assertThat(aws.operations.get(0), equalTo("createAppInstance"));

        RunResults results = ResultsFile.read(report);
        assertThat(results.target().name(), equalTo("aws"));
        assertThat(results.target().description(), containsString("calls by scenarios"));
        for (ProcessorBehaviour b : List.of(ProcessorBehaviour.PASS_THROUGH, ProcessorBehaviour.DENY,
                ProcessorBehaviour.REWRITE, ProcessorBehaviour.UNREACHABLE)) {
            assertThat(results.target().capabilities().get("processor:" + b.key()), is(true));
        }
        assertThat(results.target().capabilities().get("processor:hold"), is(false));
        List<Status> statuses = results.scenarios().stream().map(ScenarioResult::status).toList();
        assertThat(run.describe(), statuses, hasItem(Status.PASS));
        assertThat(run.describe(), statuses, not(hasItem(Status.ERROR)));

        // Nothing the run created is left: no AppInstance of the kit, every channel flow deleted.
        assertThat(aws.kitAppInstances(), empty());
        assertThat(aws.createdFlows, everyItem(is(in(aws.deletedFlows))));
        // The run's two AppInstances and one for each scenario that lists a whole AppInstance: all deleted.
        long created = aws.operations.stream().filter("createAppInstance"::equals).count();
        assertThat(created, greaterThan(2L));
        assertThat(aws.operations.stream().filter("deleteAppInstance"::equals).count(), equalTo(created));
        JsonNode note = new ObjectMapper().readTree(report.resolve("aws-run.json").toFile());
        assertThat(note.get("left").size(), equalTo(0));
        assertThat(note.get("deleted").size(), greaterThan(1));
        assertThat(note.get("calls").get("scenarios").asLong(), greaterThan(0L));

        // No credential anywhere; with --mask-account no account id in what may be published.
        for (String secret : List.of(ACCESS_KEY_ID, SECRET, SESSION_TOKEN)) {
            assertThat(run.out + run.err, not(containsString(secret)));
            assertThat(filesContaining(report, secret), empty());
        }
        assertThat(filesContaining(report, "111122223333"), empty());

        Cli sweep = Cli.run("sweep", "--older-than", "0s", "--target-config", config.toString(), "--profile", PROFILE,
                "--yes-delete-resources");
        assertThat(sweep.describe(), sweep.exit, equalTo(0));
        assertThat(sweep.out, containsString("Nothing to sweep."));
        assertThat(aws.kitAppInstances(), empty());
    }

    @Test
    void withoutTheConfirmationItPrintsThePlanAndCallsNothing() {
        Cli run = Cli.run("run", "--target", "aws", "--target-config", config.toString(), "--profile", PROFILE,
                "--report", work.resolve("report").toString());

        assertThat(run.describe(), run.exit, equalTo(2));
        assertThat(run.err, containsString("--yes-create-resources"));
        assertThat(run.err, containsString("nothing was created"));
        assertThat(run.out, containsString("will create, and delete when it ends"));
        assertThat(aws.operations, empty());
        assertThat(aws.allAppInstances(), empty());
    }

    @Test
    void withoutCredentialsItFailsFastAndCallsNothing() {
        Cli run = Cli.run("run", "--target", "aws", "--target-config", config.toString(), "--profile", "nobody",
                "--yes-create-resources", "--report", work.resolve("report").toString());

        assertThat(run.describe(), run.exit, equalTo(2));
        assertThat(run.err, containsString("no AWS credentials (profile nobody)"));
        assertThat(run.err, containsString("Nothing was created"));
        assertThat(aws.operations, empty());
        assertThat(aws.allAppInstances(), empty());
    }

    @Test
    void aSpentCallBudgetTurnsTheRestIntoErrorsAndCleanupStillRuns() throws IOException {
        Path report = work.resolve("report");
        Cli run = Cli.run("run", "--target", "aws", "--target-config", config.toString(), "--profile", PROFILE,
                "--yes-create-resources", "--tags", "@area:CHAN", "--threads", "1", "--max-calls", "3",
                "--stop-after-errors", "0", "--report", report.toString(), "--mask-account");

        // Every scenario after the budget errs; the run is told not to stop for that, to show them all as ERROR.
        assertThat(run.describe(), run.exit, equalTo(1));
        RunResults results = ResultsFile.read(report);
        List<ScenarioResult> errors = results.scenarios().stream().filter(s -> s.status() == Status.ERROR).toList();
        assertThat(run.describe(), errors, not(empty()));
        assertThat(errors.get(0).errorMessage(), containsString("call budget of 3 calls (--max-calls) is spent"));
        assertThat(results.target().description(), containsString("(budget 3, "));
        assertThat(aws.kitAppInstances(), empty());
        // 3 calls went out for scenarios, however many were attempted after that.
        JsonNode note = new ObjectMapper().readTree(report.resolve("aws-run.json").toFile());
        assertThat(note.get("calls").get("scenarios").asLong(), equalTo(3L));
        assertThat(note.get("calls").get("refused").asLong(), greaterThan(0L));
        // The errors carry the wire evidence of the calls that went out, ARNs and all: masked everywhere.
        assertThat(filesContaining(report, "wire").size(), greaterThan(0));
        assertThat(filesContaining(report, "111122223333"), empty());
    }

    @Test
    void sweepListsLeftoversOfAKilledRunDeletesThemOnlyWhenToldAndNothingElse() {
        var identity = aws.service.identityClient();
        var messaging = aws.service.messagingClient();
        RunId killed = new RunId("20200101t000000z-dead");
        String left = identity.createAppInstance(r -> r.name(killed.resourceName(null))
                .metadata(AwsTarget.metadataFor(killed))).appInstanceArn();
        String user = identity.createAppInstanceUser(r -> r.appInstanceArn(left).appInstanceUserId("alice").name("Alice"))
                .appInstanceUserArn();
        identity.createAppInstanceAdmin(r -> r.appInstanceArn(left).appInstanceAdminArn(user));
        String channel = messaging.createChannel(r -> r.appInstanceArn(left).name("c").chimeBearer(user)).channelArn();
        String flow = messaging.createChannelFlow(r -> r.appInstanceArn(left).name("f").clientRequestToken("sweep-test-flow")
                .processors(p -> p.name("p").executionOrder(1).fallbackAction("CONTINUE")
                        .configuration(c -> c.lambda(l -> l.resourceArn(ReferenceProcessors.arn(ProcessorBehaviour.PASS_THROUGH))
                                .invocationType("ASYNC"))))).channelFlowArn();
        messaging.associateChannelFlow(r -> r.channelArn(channel).channelFlowArn(flow).chimeBearer(user));
        // Not the kit's: a name without a run id, and a kit-like name without the kit's mark.
        identity.createAppInstance(r -> r.name("my-production-app"));
        identity.createAppInstance(r -> r.name(new RunId("20200101t000000z-beef").resourceName(null)).metadata("mine"));
        aws.operations.clear();

        Cli young = Cli.run("sweep", "--older-than", "1h", "--target-config", config.toString(), "--profile", PROFILE);
        assertThat(young.describe(), young.exit, equalTo(0));
        assertThat(young.out, containsString("Nothing to sweep."));

        Cli list = Cli.run("sweep", "--older-than", "0s", "--target-config", config.toString(), "--profile", PROFILE);
        assertThat(list.describe(), list.exit, equalTo(0));
        assertThat(list.out, containsString("AppInstance " + killed.resourceName(null)));
        assertThat(list.out, containsString("1 found; nothing deleted"));
        assertThat(list.out, containsString("Lambda functions and IAM roles not searched"));
        assertThat(aws.operations.stream().filter(o -> o.startsWith("delete") || o.startsWith("disassociate")).toList(), empty());
        assertThat(aws.allAppInstances(), hasSize(3));

        Cli delete = Cli.run("sweep", "--older-than", "0s", "--target-config", config.toString(), "--profile", PROFILE,
                "--yes-delete-resources");
        assertThat(delete.describe(), delete.exit, equalTo(0));
        assertThat(delete.out, containsString("Deleted 1 of 1."));
        assertThat(aws.deletedFlows, equalTo(List.of(flow)));
        assertThat(aws.allAppInstances().stream().map(a -> a.name()).sorted().toList(),
                equalTo(List.of("chime-conformance-20200101t000000z-beef", "my-production-app")));
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        Cli budget = Cli.run("run", "--target", "aws", "--target-config", config.toString(), "--profile", PROFILE,
                "--yes-create-resources", "--max-calls", "-1", "--report", work.resolve("r").toString());
        assertThat(budget.exit, equalTo(2));
        assertThat(budget.err, containsString("--max-calls must be 0 (no limit) or more"));
        Cli age = Cli.run("sweep", "--older-than", "soon", "--target-config", config.toString(), "--profile", PROFILE);
        assertThat(age.exit, equalTo(2));
        assertThat(age.err, containsString("--older-than 'soon' is not a duration"));
        assertThat(aws.operations, empty());
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.UTF_8).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** One command line, run in this JVM, with what it printed. */
    record Cli(int exit, String out, String err) {

        static synchronized Cli run(String... args) {
            PrintStream stdout = System.out;
            PrintStream stderr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int exit = Main.execute(args);
                return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
        }

        String describe() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }
}
