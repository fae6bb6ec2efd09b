package chime.conformance.runner.target.aws;

import java.util.List;

/** What a cleanup or sweep deleted, and what it could not delete (with the reason). */
public record CleanupReport(List<AwsResource> deleted, List<Failure> failed) {

    public record Failure(AwsResource resource, String reason) {
    }

    public CleanupReport {
        deleted = List.copyOf(deleted);
        failed = List.copyOf(failed);
    }

    public boolean complete() {
        return failed.isEmpty();
    }
}
