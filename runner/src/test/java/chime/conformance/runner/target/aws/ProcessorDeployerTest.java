package chime.conformance.runner.target.aws;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.reference.ReferenceService;
import chime.conformance.runner.target.ProcessorBehaviour;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Deploying the processors through Lambda and IAM, and deleting and sweeping them, against in-memory Lambda
 * and IAM: what an AWS run does that the reference cannot stand in for.
 */
class ProcessorDeployerTest {

    private static final RunId RUN = new RunId("20250314t101500z-3fa9");
    private static final String ACCOUNT = "123456789012";
    private static final List<String> APP_INSTANCES = List.of(
            "arn:aws:chime:us-east-1:123456789012:app-instance/main-id",
            "arn:aws:chime:us-east-1:123456789012:app-instance/foreign-id");

    private final FakeLambda lambda = new FakeLambda();
    private final FakeIam iam = new FakeIam();
    private final ResourceLedger ledger = new ResourceLedger();
    private final List<Duration> pauses = new ArrayList<>();
    private final ProcessorDeployer deployer = new ProcessorDeployer(lambda, iam, ledger, pauses::add,
            new PrintStream(new ByteArrayOutputStream()));

    @Test
    void deploysARoleThreeFunctionsAndTheirInvokePermissionsNamedAndTaggedForTheRun() throws Exception {
        Map<ProcessorBehaviour, String> arns = deployer.deploy(RUN, ACCOUNT, APP_INSTANCES);

        String role = "chime-conformance-20250314t101500z-3fa9-processors";
        assertThat(iam.roles.keySet(), contains(role));
        var created = iam.roles.get(role).request();
        assertThat(created.path(), equalTo(AwsTarget.ROLE_PATH));
        assertThat(created.tags(), contains(Tag.builder().key(AwsTarget.RUN_TAG).value(RUN.value()).build()));
        JsonNode trust = new ObjectMapper().readTree(created.assumeRolePolicyDocument());
        assertThat(trust.at("/Statement/0/Principal/Service").asText(), equalTo("lambda.amazonaws.com"));
        // The functions may call ChannelFlowCallback on the run's AppInstances and nothing else.
        JsonNode policy = new ObjectMapper().readTree(iam.roles.get(role).policies().get("chime-conformance-flow-callback"));
        assertThat(policy.at("/Statement").size(), equalTo(1));
        assertThat(policy.at("/Statement/0/Action").asText(), equalTo("chime:ChannelFlowCallback"));
        List<String> resources = new ArrayList<>();
        policy.at("/Statement/0/Resource").forEach(r -> resources.add(r.asText()));
        assertThat(resources, containsInAnyOrder(APP_INSTANCES.get(0), APP_INSTANCES.get(0) + "/*",
                APP_INSTANCES.get(1), APP_INSTANCES.get(1) + "/*"));

        assertThat(lambda.functions.keySet(), contains("chime-conformance-20250314t101500z-3fa9-pass-through",
                "chime-conformance-20250314t101500z-3fa9-deny", "chime-conformance-20250314t101500z-3fa9-rewrite",
                "chime-conformance-20250314t101500z-3fa9-slow-pass-through"));
        for (ProcessorBehaviour b : ProcessorDeployer.DEPLOYED) {
            FakeLambda.Function f = lambda.functions.get(RUN.resourceName(b.key()));
            CreateFunctionRequest request = f.request();
            String module = b.key().replace('-', '_');
            assertThat(request.runtime(), equalTo(Runtime.PYTHON3_12));
            assertThat(request.handler(), equalTo(module + ".handler"));
            assertThat(request.role(), containsString(role));
            assertThat(request.tags(), equalTo(Map.of(AwsTarget.RUN_TAG, RUN.value())));
            Map<String, String> files = FakeLambda.files(request);
            assertThat(files.keySet(), contains(module + ".py"));
            assertThat(files.get(module + ".py"), containsString("channel_flow_callback"));
            assertThat(f.permissions(), hasSize(1));
            AddPermissionRequest permission = f.permissions().get(0);
            assertThat(permission.principal(), equalTo("messaging.chime.amazonaws.com"));
            assertThat(permission.action(), equalTo("lambda:InvokeFunction"));
            assertThat(permission.sourceAccount(), equalTo(ACCOUNT));
            assertThat(arns.get(b), equalTo(f.arn()));
            if (b == ProcessorBehaviour.SLOW_PASS_THROUGH) {
                // It waits, then calls back: its environment says how long, and its timeout is longer.
                assertThat(request.environment().variables(), equalTo(Map.of("DELAY_SECONDS",
                        Long.toString(ProcessorDeployer.SLOW_DELAY.toSeconds()))));
                assertThat(request.timeout() > ProcessorDeployer.SLOW_DELAY.toSeconds(), is(true));
            }
        }
        // Unreachable: a function of the run that does not exist.
        assertThat(arns.get(ProcessorBehaviour.UNREACHABLE),
                equalTo("arn:aws:lambda:us-east-1:123456789012:function:chime-conformance-20250314t101500z-3fa9-unreachable"));
        assertThat(lambda.functions, not(hasKey(RUN.resourceName("unreachable"))));
        assertThat(ledger.all().stream().map(AwsResource::name).toList(), contains(role,
                RUN.resourceName("pass-through"), RUN.resourceName("deny"), RUN.resourceName("rewrite"),
                RUN.resourceName("slow-pass-through")));
    }

    @Test
    void waitsForTheNewRoleToBecomeAssumableAndForTheFunctionsToBeActive() {
        lambda.roleNotAssumableFor = 3;

        deployer.deploy(RUN, ACCOUNT, APP_INSTANCES);

        assertThat(lambda.functions, aMapWithSize(ProcessorDeployer.DEPLOYED.size()));
        // three refusals of CreateFunction, then one Pending look per function
        assertThat(pauses, hasSize(3 + ProcessorDeployer.DEPLOYED.size()));
        assertThat(pauses.get(1), equalTo(pauses.get(0).multipliedBy(2)));
    }

    @Test
    void cleanupDeletesFunctionsThenTheRoleWithItsPolicyAndMayRunTwice() {
        deployer.deploy(RUN, ACCOUNT, APP_INSTANCES);
        AwsCleaner cleaner = new AwsCleaner(null, null, lambda, iam, pauses::add);

        CleanupReport report = cleaner.deleteAll(ledger.inCleanupOrder());

        assertThat(report.failed(), empty());
        assertThat(report.deleted(), hasSize(1 + ProcessorDeployer.DEPLOYED.size()));
        assertThat(lambda.functions, anEmptyMap());
        assertThat(iam.roles, anEmptyMap());
        assertThat(iam.calls.subList(iam.calls.size() - 2, iam.calls.size()), contains(
                "DeleteRolePolicy chime-conformance-20250314t101500z-3fa9-processors/chime-conformance-flow-callback",
                "DeleteRole chime-conformance-20250314t101500z-3fa9-processors"));
        // An interrupted run cleans up twice (hook and finally): what is gone counts as deleted.
        assertThat(cleaner.deleteAll(ledger.inCleanupOrder()).failed(), empty());
    }

    @Test
    void aDeploymentThatFailsHalfWayLeavesInTheLedgerWhatItCreated() {
        lambda.failCreating = RUN.resourceName("deny");

        LambdaException e = assertThrows(LambdaException.class, () -> deployer.deploy(RUN, ACCOUNT, APP_INSTANCES));
        assertThat(e.getMessage(), containsString("Code storage limit exceeded"));

        assertThat(ledger.inCleanupOrder().stream().map(AwsResource::name).toList(),
                contains(RUN.resourceName("pass-through"), RUN.resourceName("processors")));
        assertThat(new AwsCleaner(null, null, lambda, iam, pauses::add).deleteAll(ledger.inCleanupOrder()).failed(), empty());
        assertThat(lambda.functions, anEmptyMap());
        assertThat(iam.roles, anEmptyMap());
    }

    @Test
    void sweepFindsOnlyTheKitsTaggedFunctionsAndRolesOfOldEnoughRuns() {
        iam.now = Instant.parse("2025-03-14T10:15:03Z");
        deployer.deploy(RUN, ACCOUNT, APP_INSTANCES);
        RunId recent = new RunId("20250314t115500z-0001");
        lambda.add(recent.resourceName("deny"), Map.of(AwsTarget.RUN_TAG, recent.value()));
        lambda.add("my-function", Map.of(AwsTarget.RUN_TAG, RUN.value()));
        lambda.add(RUN.resourceName("copy"), Map.of());
        iam.add(AwsTarget.ROLE_PATH, "chime-conformance-20250314t101500z-3fa9-untagged");
        iam.add("/", "chime-conformance-20250314t101500z-3fa9-elsewhere", Tag.builder().key(AwsTarget.RUN_TAG).value(RUN.value()).build());
        try (ReferenceService chime = ReferenceService.create()) {
            Clock noon = Clock.fixed(Instant.parse("2025-03-14T12:00:00Z"), ZoneOffset.UTC);
            AwsCleaner sweeper = new AwsCleaner(chime.identityClient(), chime.messagingClient(), lambda, iam, d -> { });

            List<AwsResource> found = sweeper.find(Duration.ofHours(1), noon);

            assertThat(found.stream().map(AwsResource::name).toList(), contains(
                    RUN.resourceName("pass-through"), RUN.resourceName("deny"), RUN.resourceName("rewrite"),
                    RUN.resourceName("slow-pass-through"), RUN.resourceName("processors")));
            // The run of five minutes ago is younger than an hour; with no age limit it is found too.
            assertThat(sweeper.find(Duration.ZERO, noon).stream().map(AwsResource::name).toList(),
                    is(not(empty())));
            assertThat(sweeper.find(Duration.ZERO, noon).stream().map(AwsResource::name).toList().contains(recent.resourceName("deny")),
                    is(true));
        }
    }
}
