package chime.conformance.runner.target.aws;

import chime.conformance.runner.target.AppInstanceScope;
import chime.conformance.runner.target.Fixtures;
import chime.conformance.runner.target.SdkFixtures;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;

/**
 * Fixtures on AWS: scenarios share the run's AppInstance (SdkFixtures' shared mode: users with unique
 * names, so scenarios run in parallel), and the user of another AppInstance (Frank) lives in the run's
 * second AppInstance. When a scenario ends, its channel flows are deleted and its users and admins removed;
 * that cleanup is the run's own work, so a spent call budget does not stop it.
 */
final class AwsFixtures implements Fixtures {

    /** The label World gives the scope of the actor from another AppInstance. */
    static final String FOREIGN = "foreign";

    private final SdkFixtures main;
    private final SdkFixtures foreign;
    private final CallGate gate;
    private final FlowTracker flows;
    private final AwsCleaner cleaner;
    private final ResourceLedger ledger;

    AwsFixtures(ChimeSdkIdentityClient identity, String appInstanceArn, String foreignAppInstanceArn,
                CallGate gate, FlowTracker flows, AwsCleaner cleaner, ResourceLedger ledger) {
        this.main = new SdkFixtures(identity, "scenario", appInstanceArn);
        this.foreign = new SdkFixtures(identity, "foreign", foreignAppInstanceArn);
        this.gate = gate;
        this.flows = flows;
        this.cleaner = cleaner;
        this.ledger = ledger;
    }

    @Override
    public AppInstanceScope newScope(String label) {
        boolean isForeign = FOREIGN.equals(label);
        AppInstanceScope inner = (isForeign ? foreign : main).newScope(label);
        if (!isForeign) {
            // Flows left on this thread by a scenario that never closed its scope belong to nobody now: the
            // run's cleanup has them in the ledger.
            flows.drainThisThread();
        }
        return new Scope(inner, !isForeign);
    }

    private final class Scope implements AppInstanceScope {
        private final AppInstanceScope inner;
        private final boolean ownsThreadFlows;

        Scope(AppInstanceScope inner, boolean ownsThreadFlows) {
            this.inner = inner;
            this.ownsThreadFlows = ownsThreadFlows;
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
            });
        }
    }
}
