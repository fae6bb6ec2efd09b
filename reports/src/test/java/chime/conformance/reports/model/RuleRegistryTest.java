package chime.conformance.reports.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RuleRegistryTest {

    @Test
    void theClasspathRegistryHasEveryRuleAndArea() {
        RuleRegistry registry = RuleRegistry.load();
        assertThat(registry.size(), is(242));
        assertThat(registry.areas(), hasSize(17));
        assertThat(registry.areaTitle("AUTH"), is("who may do what"));
        Rule rule = registry.rule("AUTH-007").orElseThrow();
        assertThat(rule.area(), is("AUTH"));
        assertThat(rule.kind(), is(Kind.S));
        assertThat(rule.operations(), contains("DeleteChannelMessage"));
        assertThat(rule.doc(), containsString("Only admins can perform this action."));
    }

    @Test
    void theOperationsColumnYieldsTheDocumentedOperationsItNames() {
        RuleRegistry registry = RuleRegistry.load();
        assertThat(registry.rule("AUTH-004").orElseThrow().operations(), hasSize(11));
        Rule prose = registry.rule("AUTH-001").orElseThrow();
        assertThat(prose.operations(), is(empty()));
        assertThat(prose.scope(), is("The 32 bearer operations (all except those in AUTH-004)"));
    }

    @Test
    void proseAndOtherServicesAreNotOperations() {
        assertThat(Operations.mentionedIn("SendChannelMessage (channel with a flow)"), contains("SendChannelMessage"));
        assertThat(Operations.mentionedIn("DeleteChannel, identity DeleteAppInstanceUser, ListChannelBans"),
                contains("DeleteChannel", "ListChannelBans"));
        assertThat(Operations.mentionedIn("ListChannelsAssociatedWithChannelFlow, ListChannels"),
                contains("ListChannelsAssociatedWithChannelFlow", "ListChannels"));
        assertThat(Operations.mentionedIn("All"), is(empty()));
    }

    @Test
    void thereAre43DistinctOperations() {
        assertThat(new HashSet<>(Operations.ALL).size(), is(43));
    }

    @Test
    void aRegistryFileIsReadWithItsUntestableReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                areas:
                  TAG: "tags"
                rules:
                  - id: TAG-001
                    kind: S
                    operations: "TagResource, UntagResource"
                    doc: "\\"Applies the specified tags.\\""
                    expectation: "Tags are applied."
                  - id: TAG-002
                    kind: M
                    operations: "All"
                    doc: "x"
                    expectation: "y"
                    untestable: "needs IAM"
                """);
        RuleRegistry registry = RuleRegistry.load(file);
        assertThat(registry.rules(), hasSize(2));
        assertThat(registry.rule("TAG-001").orElseThrow().operations(), is(List.of("TagResource", "UntagResource")));
        assertThat(registry.rule("TAG-001").orElseThrow().untestable(), nullValue());
        assertThat(registry.rule("TAG-002").orElseThrow().isUntestable(), is(true));
    }

    @Test
    void everyRuleOfTheClasspathRegistryRestsOnSources() {
        RuleRegistry registry = RuleRegistry.load();
        for (Rule rule : registry.rules()) {
            assertThat(rule.id() + " sources", rule.sources(), is(not(empty())));
        }
        Rule redaction = registry.rule("MSG-018").orElseThrow();
        assertThat(redaction.sources().stream().map(Source::kind).toList(),
                contains(SourceKind.API_REFERENCE, SourceKind.API_REFERENCE_WEB));
        assertThat(redaction.sources().get(1).url(),
                is("https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_messaging-chime_RedactChannelMessage.html"));
        assertThat(redaction.sources().get(1).says(), containsString("Redacts message content and metadata."));
    }

    @Test
    void sourcesAreReadInOrderAndARuleMayHaveNone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                areas:
                  TAG: "tags"
                rules:
                  - id: TAG-001
                    kind: S
                    operations: "TagResource"
                    doc: ""
                    sources:
                      - kind: developer-guide
                        url: https://docs.example/guide.html
                        says: "Tags are applied."
                      - kind: reported
                        url: https://github.example/issues/1
                        says: "A 204 was seen."
                    expectation: "Tags are applied."
                  - id: TAG-002
                    kind: M
                    operations: "All"
                    doc: "x"
                    expectation: "y"
                """);
        RuleRegistry registry = RuleRegistry.load(file);
        assertThat(registry.rule("TAG-001").orElseThrow().sources(), contains(
                new Source(SourceKind.DEVELOPER_GUIDE, "https://docs.example/guide.html", "Tags are applied."),
                new Source(SourceKind.REPORTED, "https://github.example/issues/1", "A 204 was seen.")));
        assertThat(registry.rule("TAG-002").orElseThrow().sources(), is(empty()));
    }

    @Test
    void anUnknownSourceKindIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                rules:
                  - id: X-001
                    kind: S
                    sources:
                      - kind: blog-post
                        url: https://blog.example
                """);
        IOException error = assertThrows(IOException.class, () -> RuleRegistry.load(file));
        assertThat(error.getMessage(), containsString("X-001 cites a source of kind blog-post"));
    }

    @Test
    void anUnknownKindIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "rules:\n  - id: X-001\n    kind: Q\n");
        IOException error = assertThrows(IOException.class, () -> RuleRegistry.load(file));
        assertThat(error.getMessage(), containsString("X-001 has kind Q"));
    }

    @Test
    void aRuleIdAppearingTwiceIsRejected() {
        Rule rule = new Rule("A-001", "A", Kind.S, List.of(), "d", "e", null, null, "All");
        assertThrows(IllegalArgumentException.class, () -> new RuleRegistry(java.util.Map.of(), List.of(rule, rule)));
    }
}
