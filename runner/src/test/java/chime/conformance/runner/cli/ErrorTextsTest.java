package chime.conformance.runner.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistake on the command line is told in words that say what to do, with exit code 2, before anything
 * runs; a run leaves in its report directory only its own report, and by default no NDJSON.
 */
class ErrorTextsTest {

    @TempDir
    Path dir;

    private Cli run(String... args) {
        return Cli.run(args);
    }

    @Test
    void aReportDirectoryThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        Cli run = run("run", "--tags", "@rule:BAN-002", "--report", file.toString());
        assertThat(run.describe(), run.exit(), is(2));
        assertThat(run.err(), allOf(containsString("--report " + file + " is a file, not a directory"),
                containsString("it is created if missing")));
        Cli under = run("run", "--tags", "@rule:BAN-002", "--report", file.resolve("report").toString());
        assertThat(under.exit(), is(2));
        assertThat(under.err(), containsString(file + " is a file; give a path under a directory"));
    }

    @Test
    void aTargetConfigThatCannotBeRead() throws Exception {
        Cli missing = run("run", "--target-config", dir.resolve("nope.yaml").toString(), "--report",
                dir.resolve("r").toString());
        assertThat(missing.exit(), is(2));
        assertThat(missing.err(), allOf(containsString("target config " + dir.resolve("nope.yaml") + " does not exist"),
                containsString("--target-config takes a YAML file")));
        Cli directory = run("run", "--target-config", dir.toString(), "--report", dir.resolve("r").toString());
        assertThat(directory.exit(), is(2));
        assertThat(directory.err(), containsString("it is a directory; give the YAML file"));
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "region: us-east-1\nprocessors: [deny: \n");
        Cli yaml = run("run", "--target-config", broken.toString(), "--report", dir.resolve("r").toString());
        assertThat(yaml.exit(), is(2));
        assertThat(yaml.err(), allOf(containsString("is not valid YAML (line "), not(containsString("Source: "))));
    }

    @Test
    void tagsThatMatchNoScenarioGetASuggestion() {
        Cli typo = run("run", "--tags", "@rule:BAN-02", "--report", dir.resolve("r").toString());
        assertThat(typo.describe(), typo.exit(), is(2));
        assertThat(typo.err(), allOf(containsString("no scenario matches --tags '@rule:BAN-02'"),
                containsString("no scenario is tagged @rule:BAN-02; did you mean @rule:BAN-002?")));
        assertThat("nothing ran", typo.out(), not(containsString("PASS")));
        Cli caseOnly = run("run", "--tags", "@area:ban and not @assumption", "--report", dir.resolve("r").toString());
        assertThat(caseOnly.exit(), is(2));
        assertThat(caseOnly.err(), containsString("did you mean @area:BAN?"));
        Cli nothingClose = run("run", "--tags", "@colour:blue", "--report", dir.resolve("r").toString());
        assertThat(nothingClose.exit(), is(2));
        assertThat(nothingClose.err(), allOf(containsString("no scenario is tagged @colour:blue"),
                not(containsString("did you mean")), containsString("@rule:ID, @op:Operation")));
    }

    @Test
    void aTagOfAnExpressionThatStillMatchesIsAWarning() throws Exception {
        Path expectations = Files.writeString(dir.resolve("expected.yaml"), """
                target: my-emulator
                expectations:
                  - rule: BAN-02
                    reason: not yet
                  - scenario: "bans/bans.feature#a-banned-member-is-no-longer-a-membr"
                    reason: not yet
                """);
        Cli run = run("run", "--tags", "@rule:BAN-002 or @op:CreateChanelBan", "--expectations",
                expectations.toString(), "--report", dir.resolve("r").toString());
        assertThat(run.describe(), run.exit(), is(0));
        assertThat(run.err(), allOf(
                containsString("warning: --tags: no scenario is tagged @op:CreateChanelBan; did you mean"
                        + " @op:CreateChannelBan?"),
                containsString("names rule BAN-02, which the registry does not have; did you mean BAN-002?"),
                containsString("names scenario bans/bans.feature#a-banned-member-is-no-longer-a-membr, which the kit"
                        + " does not have; did you mean bans/bans.feature#a-banned-member-is-no-longer-a-member?"),
                containsString("is for target 'my-emulator', and this run's target is 'reference'"),
                containsString("set 'target: reference' in it")));
    }

    @Test
    void aPortInUseIsSaidSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli serve = run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(serve.describe(), serve.exit(), is(2));
            assertThat(serve.err(), allOf(containsString("the address is in use"),
                    containsString("--port 0 picks a free one")));
        }
    }

    @Test
    void aRunRemovesAnEarlierReportButNothingElseAndWritesNoNdjsonUnlessAsked() throws Exception {
        Path report = dir.resolve("report");
        Cli first = run("run", "--tags", "@rule:BAN-002", "--report", report.toString(), "--ndjson");
        assertThat(first.describe(), first.exit(), is(0));
        assertThat(Files.exists(report.resolve("features/bans-bans.html")), is(true));
        assertThat("asked for", Files.size(report.resolve("cucumber-messages.ndjson")) > 0, is(true));
        Files.writeString(report.resolve("notes.txt"), "mine");
        Files.writeString(report.resolve("features/notes.txt"), "mine too");

        Cli second = run("run", "--tags", "@rule:TAG-003", "--report", report.toString());
        assertThat(second.describe(), second.exit(), is(0));
        assertThat("the earlier run's page is gone", Files.exists(report.resolve("features/bans-bans.html")), is(false));
        assertThat(Files.exists(report.resolve("features/tags-tags.html")), is(true));
        assertThat("not asked for: no NDJSON, and the earlier one is gone",
                Files.exists(report.resolve("cucumber-messages.ndjson")), is(false));
        assertThat(Files.readString(report.resolve("notes.txt")), is("mine"));
        assertThat(Files.readString(report.resolve("features/notes.txt")), is("mine too"));

        // A directory that holds no report of the kit is left alone, whatever it holds.
        Path other = dir.resolve("site");
        Files.createDirectories(other.resolve("features"));
        Files.writeString(other.resolve("index.html"), "<p>my site</p>");
        Files.writeString(other.resolve("features/a.html"), "<p>a page</p>");
        assertThat(chime.conformance.reports.render.ReportFiles.clean(other), is(0));
        assertThat(Files.readString(other.resolve("index.html")), is("<p>my site</p>"));
        assertThat(Files.exists(other.resolve("features/a.html")), is(true));
        assertThat(List.of(report.toFile().list()).contains("results.json"), is(true));
    }
}
