package chime.conformance.runner.target.aws;

import chime.conformance.runner.target.AppInstanceScope;
import chime.conformance.runner.target.Fixtures;
import chime.conformance.runner.target.SdkFixtures;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;

/**
 * Fixtures on AWS: scenarios share the run's AppInstance (SdkFixtures' shared mode: users with unique
 * names, so scenarios run in parallel), and the user of another AppInstance (Frank) lives in the run's
 * second AppInstance. When a scenario ends, its channel flows are deleted and its users and admins removed;
 * that cleanup is the run's own work, so a spent call budget does not stop it.
 *
 * <p>A scenario that reads an AppInstance-wide list ({@link #READS_THE_WHOLE_APP_INSTANCE}) sees everything
 * in its AppInstance, also what scenarios running alongside made: it gets an AppInstance of its own, made for
 * it and deleted when it ends, so that "exactly these channels" and page counts mean what they say.
 */
final class AwsFixtures implements Fixtures {

    /** The label World gives the scope of the actor from another AppInstance. */
    static final String FOREIGN = "foreign";
    /** Operations whose result is everything of a kind in an AppInstance (channels, channel flows). */
    static final Set<String> READS_THE_WHOLE_APP_INSTANCE = Set.of("@op:ListChannels", "@op:ListChannelFlows");

    private final SdkFixtures main;
    private final SdkFixtures foreign;
    private final CallGate gate;
    private final FlowTracker flows;
    private final AwsCleaner cleaner;
    private final ResourceLedger ledger;
    private final ChimeSdkIdentityClient identity;
    private final Function<String, String> newAppInstance;
    private final AtomicLong isolated = new AtomicLong();

    /** @param newAppInstance creates a kit AppInstance of the run with the given name suffix; returns its ARN */
    AwsFixtures(ChimeSdkIdentityClient identity, String appInstanceArn, String foreignAppInstanceArn,
                CallGate gate, FlowTracker flows, AwsCleaner cleaner, ResourceLedger ledger,
                Function<String, String> newAppInstance) {
        this.identity = identity;
        this.newAppInstance = newAppInstance;
        this.main = new SdkFixtures(identity, "scenario", appInstanceArn);
        this.foreign = new SdkFixtures(identity, "foreign", foreignAppInstanceArn);
        this.gate = gate;
        this.flows = flows;
        this.cleaner = cleaner;
        this.ledger = ledger;
    }

    @Override
    public AppInstanceScope newScope(String label) {
        return newScope(label, Set.of());
    }

    @Override
    public AppInstanceScope newScope(String label, Collection<String> scenarioTags) {
        boolean isForeign = FOREIGN.equals(label);
        if (!isForeign) {
            // Flows left on this thread by a scenario that never closed its scope belong to nobody now: the
            // run's cleanup has them in the ledger.
            flows.drainThisThread();
        }
        if (!isForeign && scenarioTags.stream().anyMatch(READS_THE_WHOLE_APP_INSTANCE::contains)) {
            String own = newAppInstance.apply("s" + isolated.incrementAndGet());
            return new Scope(new SdkFixtures(identity, "scenario", own).newScope(label), true, own);
        }
        return new Scope((isForeign ? foreign : main).newScope(label), !isForeign, null);
    }

    private final class Scope implements AppInstanceScope {
        private final AppInstanceScope inner;
        private final boolean ownsThreadFlows;
        private final String ownAppInstanceArn;

        /** @param ownAppInstanceArn the AppInstance made for this scenario alone, or null */
        Scope(AppInstanceScope inner, boolean ownsThreadFlows, String ownAppInstanceArn) {
            this.inner = inner;
            this.ownsThreadFlows = ownsThreadFlows;
            this.ownAppInstanceArn = ownAppInstanceArn;
        }

        @Override
        public String appInstanceArn() {
            return inner.appInstanceArn();
        }

        @Override
        public String createUser(String name) {
            return inner.createUser(name);
        }

        @Override
        public void makeAdmin(String userArn) {
            inner.makeAdmin(userArn);
        }

        @Override
        public void deleteUser(String userArn) {
            inner.deleteUser(userArn);
        }

        @Override
        public void close() {
            gate.exempt(() -> {
                if (ownsThreadFlows) {
                    for (AwsResource flow : flows.drainThisThread()) {
                        try {
                            cleaner.deleteChannelFlow(flow.id());
                            ledger.remove(flow);
                        } catch (RuntimeException e) {
                            // Stays in the ledger: the run's cleanup tries again at the end.
                        }
                    }
                }
                inner.close();
                if (ownAppInstanceArn != null) {
                    try {
                        cleaner.deleteAppInstance(ownAppInstanceArn);
                        ledger.all().stream().filter(r -> r.id().equals(ownAppInstanceArn)).forEach(ledger::remove);
                    } catch (RuntimeException e) {
                        // Stays in the ledger: the run's cleanup tries again at the end.
                    }
                }
            });
        }
    }
}
