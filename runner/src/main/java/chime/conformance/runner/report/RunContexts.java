package chime.conformance.runner.report;

import chime.conformance.reports.RunContext;
import chime.conformance.runner.cli.KitVersion;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the report says about a run's target and kit, from the target itself. */
public final class RunContexts {

    private RunContexts() {
    }

    /**
     * Brings the installed context's target description up to date: a target may describe what happened
     * during the run (the aws target counts its calls and its waits for consistency), and the report is
     * written once the last scenario has run.
     */
    public static void refreshTargetDescription() {
        if (!RunContext.isInstalled()) {
            return;
        }
        TargetSession.peek().ifPresent(target -> RunContext.install(RunContext.current().toBuilder()
                .targetDescription(target.description()).build()));
    }

    public static RunContext.Builder forTarget(Target target) {
        Map<String, Boolean> capabilities = new LinkedHashMap<>();
        for (Capability c : Capability.values()) {
            capabilities.put(c.tag(), target.has(c));
        }
        return RunContext.builder()
                .targetName(target.name())
                .targetDescription(target.description())
                .capabilities(capabilities)
                .kitVersion(KitVersion.version())
                .kitCommit(KitVersion.commit())
                .startTime(Instant.now())
                .reportDir(RunOutputs.reportDir());
    }
}
