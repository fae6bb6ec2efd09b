package chime.conformance.runner.target.aws;

import java.time.Duration;

/** Waiting between attempts; tests replace it so that retries cost no time. */
@FunctionalInterface
public interface Pause {

    Pause REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
