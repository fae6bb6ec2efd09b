package chime.conformance.runner.suites;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import chime.conformance.reports.compare.Change;
import chime.conformance.reports.compare.Comparison;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The suite in process and the suite over HTTP agree: every scenario and every rule has the same status
 * in both runs, except where one run found it NOT_APPLICABLE (a wire scenario in process). A difference
 * means the HTTP layer (server, binding, SDK target) changed the meaning of a call, or that a scenario
 * depends on how it reaches the service.
 *
 * <p>Runs after the two conformance executions of the build (its own surefire execution, declared after
 * them); the run directories come from {@code chime.agreement.inProcess} and {@code chime.agreement.http}.
 */
class ReferenceTargetsAgreementCheck {

    private static final Set<String> NOT_APPLICABLE = Set.of("NOT_APPLICABLE");

    @Test
    void theInProcessAndHttpRunsAgree() throws Exception {
        RunResults inProcess = ResultsFile.read(Path.of(System.getProperty("chime.agreement.inProcess",
                "target/conformance/reference")));
        RunResults http = ResultsFile.read(Path.of(System.getProperty("chime.agreement.http",
                "target/conformance/reference-http")));
        assertThat("the in-process run has scenarios", inProcess.scenarios().size(), is(greaterThan(0)));
        assertThat("the HTTP run has scenarios", http.scenarios().size(), is(greaterThan(0)));
        System.out.printf("Agreement check: in process %d scenarios in %.1f s, over HTTP %d scenarios in %.1f s%n",
                inProcess.scenarios().size(), inProcess.durationMs() / 1000.0,
                http.scenarios().size(), http.durationMs() / 1000.0);

        Comparison comparison = Comparison.of(inProcess, http);
        List<String> disagreements = Stream.concat(comparison.scenarioChanges().stream(),
                        comparison.ruleChanges().stream())
                .filter(change -> !NOT_APPLICABLE.contains(String.valueOf(change.before()))
                        && !NOT_APPLICABLE.contains(String.valueOf(change.after())))
                .map(ReferenceTargetsAgreementCheck::describe)
                .collect(Collectors.toList());
        assertThat("in process vs over HTTP:\n  " + String.join("\n  ", disagreements) + "\n", disagreements, is(empty()));
    }

    private static String describe(Change change) {
        return change.subject() + " " + change.id() + " (" + change.name() + "): " + change.transition()
                + (change.detail() == null ? "" : " -- over HTTP: " + change.detail());
    }
}
