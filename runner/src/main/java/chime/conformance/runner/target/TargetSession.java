package chime.conformance.runner.target;

import chime.conformance.reports.RunContext;
import chime.conformance.runner.report.RunContexts;
import java.nio.file.Path;

/**
 * The target of this run, opened once per JVM and shared by every scenario. The command line installs
 * the target it opened; a JUnit run (the Maven build) opens the one named by the system properties
 * {@code chime.target} (default {@code reference}) and {@code chime.target.config}.
 */
public final class TargetSession {

    private static volatile Target current;

    private TargetSession() {
    }

    public static synchronized void install(Target target) {
        current = target;
    }

    /** The target installed or opened so far, without opening one. */
    public static java.util.Optional<Target> peek() {
        return java.util.Optional.ofNullable(current);
    }

    public static Target current() {
        Target t = current;
        if (t != null) {
            return t;
        }
        synchronized (TargetSession.class) {
            if (current == null) {
                String spec = System.getProperty("chime.target", "reference");
                String configPath = System.getProperty("chime.target.config");
                TargetConfig config = configPath == null || configPath.isBlank()
                        ? TargetConfig.empty() : TargetConfig.load(Path.of(configPath));
                Target opened = Targets.open(spec, config);
                Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "close-target"));
                current = opened;
                if (!RunContext.isInstalled()) {
                    RunContext.install(RunContexts.forTarget(opened).build());
                }
            }
            return current;
        }
    }
}
