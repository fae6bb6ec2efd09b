package chime.conformance.runner.target.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a run created on AWS, recorded the moment the service confirmed it, so that cleanup deletes
 * exactly that, also when the run stops half way.
 */
public final class ResourceLedger {

    private final List<AwsResource> created = new ArrayList<>();

    public synchronized void add(AwsResource resource) {
        created.add(resource);
    }

    /** Forgets a resource deleted before the end of the run (e.g. a scenario's channel flow). */
    public synchronized void remove(AwsResource resource) {
        created.remove(resource);
    }

    public synchronized List<AwsResource> all() {
        return List.copyOf(created);
    }

    /**
     * Flows before AppInstances before functions before the role that runs them; within a kind, the newest
     * first.
     */
    public synchronized List<AwsResource> inCleanupOrder() {
        List<AwsResource> order = new ArrayList<>(created);
        java.util.Collections.reverse(order);
        order.sort(Comparator.comparing((AwsResource r) -> r.kind().ordinal()).reversed());
        return order;
    }
}
