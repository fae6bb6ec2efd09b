package chime.conformance.runner.coverage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's own logic, on a tiny specification made up for the purpose. */
class CoverageGateLogicTest {

    private static final List<String> OPERATIONS = List.of("CreateThing", "DescribeThing", "DeleteThing");

    private static final String REGISTRY = """
            areas:
              THING: "things"
              WIRE: "the wire"
            rules:
              - id: THING-001
                kind: S
                sources:
                  - kind: api-reference
                    url: https://docs.example/things/CreateThing.html
                    says: "Creates a thing."
                  - kind: developer-guide
                    url: https://docs.example/guide/things.html
                    says: "Things can be created."
              - id: THING-002
                kind: S
                sources:
                  - kind: developer-guide
                    url: https://docs.example/guide/things.html
                    says: "Things can be deleted."
              - id: WIRE-001
                kind: M
                sources:
                  - kind: service-model
                    url: https://docs.example/model.json
                    says: "responseCode 201"
                untestable: "no client can see it"
            """;

    private static final String COMPLETE = """
            @area:THING
            Feature: Things

              @rule:THING-001 @op:CreateThing
              Rule: Things can be created

                @op:DescribeThing
                Example: A thing is created
                  When a thing is created
                  Then it can be described

              Rule: Things can be deleted

                @rule:THING-002 @op:DeleteThing
                Scenario Outline: A <kind> thing is deleted
                  When a <kind> thing is deleted
                  Then it is gone

                  Examples:
                    | kind  |
                    | big   |
                    | small |
            """;

    private static CoverageGate.Result check(Map<String, String> features, String registry) {
        return CoverageGate.check(CoverageGate.parse(features), CoverageGate.Registry.parse(registry), OPERATIONS);
    }

    @Test
    void aCompleteSpecificationPassesAndIsCounted() {
        CoverageGate.Result result = check(Map.of("features/things.feature", COMPLETE), REGISTRY);

        assertThat(result.report(), result.problems(), is(empty()));
        assertThat(result.summary(), startsWith(
                "Coverage: 2 covered / 1 untestable / 3 rules; 3/3 operations; 3 scenarios"));
        assertThat(result.summary(), containsString("THING    3 scenarios     2/2 rules covered, 0 untestable"));
        assertThat(result.summary(), containsString("WIRE     0 scenarios     0/1 rules covered, 1 untestable"));
        assertThat(result.summary(), containsString("  API reference: 1 rules"));
        assertThat(result.summary(), containsString("  developer guide: 2 rules"));
        assertThat(result.summary(), containsString("  service model: 1 rules"));
        assertThat(result.summary(), containsString("  reported response: 0 rules"));
    }

    @Test
    void aRuleWithoutSourcesFails() {
        String noSources = REGISTRY.replace("""
                    sources:
                      - kind: developer-guide
                        url: https://docs.example/guide/things.html
                        says: "Things can be deleted."
                """, "\n");
        String emptyList = REGISTRY.replace("""
                    sources:
                      - kind: service-model
                        url: https://docs.example/model.json
                        says: "responseCode 201"
                """, "\n    sources: []\n");

        assertThat(check(Map.of("a.feature", COMPLETE), noSources).problems(),
                is(List.of("registry: rule THING-002 names no sources")));
        assertThat(check(Map.of("a.feature", COMPLETE), emptyList).problems(),
                is(List.of("registry: rule WIRE-001 names no sources")));
    }

    @Test
    void aSourceNeedsAKnownKindAndAWebUrl() {
        String registry = """
                areas:
                  THING: "things"
                rules:
                  - id: THING-001
                    kind: S
                    sources:
                      - kind: blog-post
                        url: https://blog.example/things
                        says: "Things are great."
                      - kind: developer-guide
                        says: "Things can be created."
                  - id: THING-002
                    kind: S
                    sources:
                      - url: file:///model.json
                        says: "a shape"
                """;

        assertThat(check(Map.of("a.feature", COMPLETE), registry).problems(), is(List.of(
                "registry: rule THING-001, source 1 has the unknown kind 'blog-post' (known: api-reference, "
                        + "developer-guide, api-reference-web, service-model, aws-sample, reported)",
                "registry: rule THING-001, source 2 has no url",
                "registry: rule THING-002, source 1 has no kind",
                "registry: rule THING-002, source 1 has a url that is not an http(s) address: file:///model.json")));
    }

    @Test
    void tagsAreInheritedFromFeatureRuleAndExamples() {
        CoverageGate.FeatureSet set = CoverageGate.parse(Map.of("f.feature", """
                @area:THING
                Feature: F
                  @rule:THING-001
                  Rule: R
                    Scenario Outline: O <n>
                      When <n>
                      @op:CreateThing
                      Examples:
                        | n |
                        | 1 |
                """));

        assertThat(set.scenarios(), hasSize(1));
        CoverageGate.ScenarioRef only = set.scenarios().get(0);
        assertThat(only.values("@rule:"), hasItem("THING-001"));
        assertThat(only.values("@op:"), hasItem("CreateThing"));
        assertThat(only.values("@area:"), hasItem("THING"));
        assertThat(only.where(), is("f.feature:10 \"O 1\""));
    }

    @Test
    void aRuleWithoutScenarioFailsUnlessMarkedUntestable() {
        String noThing2 = COMPLETE.replace("@rule:THING-002 ", "@rule:THING-001 ");
        CoverageGate.Result result = check(Map.of("features/things.feature", noThing2), REGISTRY);

        assertThat(result.problems(), is(List.of("rule THING-002 has no scenario and is not marked untestable")));
        assertThat(result.report(), containsString("found 1 problem:"));
    }

    @Test
    void unknownRulesMissingRulesAndMissingOrUnknownOperationsAreNamed() {
        String broken = """
                @area:THING
                Feature: Broken

                  @rule:THING-001 @rule:THING-099 @op:CreateThing @op:DescribeThing @op:DeleteThing
                  Example: An unknown rule
                    When something happens

                  @op:CreateThing
                  Example: No rule at all
                    When something happens

                  @rule:THING-002
                  Example: No operation at all
                    When something happens

                  @rule:THING-002 @op:FlyThing
                  Example: An undocumented operation
                    When something happens
                """;
        CoverageGate.Result result = check(Map.of("features/broken.feature", broken), REGISTRY);

        assertThat(result.problems(), is(List.of(
                "features/broken.feature:5 \"An unknown rule\": @rule:THING-099 is not a rule of the registry",
                "features/broken.feature:9 \"No rule at all\": carries no @rule: tag",
                "features/broken.feature:13 \"No operation at all\": carries no @op: tag",
                "features/broken.feature:17 \"An undocumented operation\": @op:FlyThing names no documented operation")));
    }

    @Test
    void anOperationNoScenarioCallsIsNamed() {
        String noDelete = COMPLETE.replace("@op:DeleteThing", "@op:DescribeThing");
        CoverageGate.Result result = check(Map.of("features/things.feature", noDelete), REGISTRY);

        assertThat(result.problems(), is(List.of("operation DeleteThing appears in no scenario")));
        assertThat(result.summary(), containsString("2/3 operations"));
    }

    @Test
    void areasAreCheckedAgainstTheRegistry() {
        String noArea = COMPLETE.replace("@area:THING\n", "");
        String wrongArea = COMPLETE.replace("@area:THING", "@area:THINGS");

        assertThat(check(Map.of("a.feature", noArea), REGISTRY).problems(),
                hasItem("a.feature:7 \"A thing is created\": carries no @area: tag"));
        assertThat(check(Map.of("a.feature", wrongArea), REGISTRY).problems(),
                hasItem("a.feature:8 \"A thing is created\": @area:THINGS is not an area of the registry"));
    }

    @Test
    void untestableRulesNeedAReasonAndNoScenario() {
        String registry = REGISTRY.replace("untestable: \"no client can see it\"", "untestable: \"\"");
        String wireTested = COMPLETE.replace("@rule:THING-001 @op:CreateThing", "@rule:THING-001 @rule:WIRE-001 @op:CreateThing");

        assertThat(check(Map.of("a.feature", COMPLETE), registry).problems(),
                is(List.of("registry: rule WIRE-001 is marked untestable without a reason")));
        assertThat(check(Map.of("a.feature", wireTested), REGISTRY).problems(),
                is(List.of("rule WIRE-001 is marked untestable, yet scenarios verify it: a.feature:8 \"A thing is created\"")));
    }

    @Test
    void aFeatureThatDoesNotParseIsAProblem() {
        CoverageGate.Result result = check(Map.of("features/things.feature", COMPLETE,
                "features/bad.feature", "Feature: Bad\n  Example: x\n    When y\n  Oops this is no step\n"), REGISTRY);

        assertThat(result.problems(), hasSize(1));
        assertThat(result.problems().get(0), startsWith("features/bad.feature:4: does not parse: "));
    }
}
