package chime.conformance.runner.target;

import chime.conformance.reports.HarnessException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;

/**
 * Fixtures provisioned through the identity API, so they work the same on every target that speaks it.
 * By default each scenario gets a fresh AppInstance (isolation without locks); with a shared AppInstance
 * (AWS) scenarios get uniquely named users instead.
 */
public final class SdkFixtures implements Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final ChimeSdkIdentityClient identity;
    private final String namePrefix;
    private final String sharedAppInstanceArn;

    /** One fresh AppInstance per scenario. */
    public SdkFixtures(ChimeSdkIdentityClient identity, String namePrefix) {
        this(identity, namePrefix, null);
    }

    /** Scenarios share {@code sharedAppInstanceArn} (null: one AppInstance per scenario). */
    public SdkFixtures(ChimeSdkIdentityClient identity, String namePrefix, String sharedAppInstanceArn) {
        this.identity = identity;
        this.namePrefix = namePrefix;
        this.sharedAppInstanceArn = sharedAppInstanceArn;
    }

    @Override
    public AppInstanceScope newScope(String label) {
        long n = SEQUENCE.incrementAndGet();
        if (sharedAppInstanceArn != null) {
            return new Scope(sharedAppInstanceArn, false, namePrefix + "-" + n);
        }
        String arn = provision("CreateAppInstance", () -> identity.createAppInstance(r -> r
                .name(namePrefix + "-" + n)
                .clientRequestToken(UUID.randomUUID().toString())).appInstanceArn());
        return new Scope(arn, true, namePrefix + "-" + n);
    }

    private static <T> T provision(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new HarnessException("fixture provisioning failed: " + what + ": " + e, e);
        }
    }

    private final class Scope implements AppInstanceScope {
        private final String appInstanceArn;
        private final boolean ownsAppInstance;
        private final String userIdPrefix;
        private final List<String> users = Collections.synchronizedList(new ArrayList<>());
        private final List<String> admins = Collections.synchronizedList(new ArrayList<>());

        Scope(String appInstanceArn, boolean ownsAppInstance, String userIdPrefix) {
            this.appInstanceArn = appInstanceArn;
            this.ownsAppInstance = ownsAppInstance;
            this.userIdPrefix = userIdPrefix;
        }

        @Override
        public String appInstanceArn() {
            return appInstanceArn;
        }

        @Override
        public String createUser(String name) {
            String userId = (userIdPrefix + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
            String arn = provision("CreateAppInstanceUser " + name, () -> identity.createAppInstanceUser(r -> r
                    .appInstanceArn(appInstanceArn)
                    .appInstanceUserId(userId)
                    .name(name)
                    .clientRequestToken(UUID.randomUUID().toString())).appInstanceUserArn());
            users.add(arn);
            return arn;
        }

        @Override
        public void makeAdmin(String userArn) {
            provision("CreateAppInstanceAdmin", () -> identity.createAppInstanceAdmin(r -> r
                    .appInstanceArn(appInstanceArn)
                    .appInstanceAdminArn(userArn)));
            admins.add(userArn);
        }

        @Override
        public void deleteUser(String userArn) {
            identity.deleteAppInstanceUser(r -> r.appInstanceUserArn(userArn));
            users.remove(userArn);
        }

        @Override
        public void close() {
            if (ownsAppInstance) {
                // Deleting the AppInstance is enough on the reference; on AWS it removes users and channels too.
                try {
                    identity.deleteAppInstance(r -> r.appInstanceArn(appInstanceArn));
                } catch (RuntimeException ignored) {
                    // Cleanup is best effort here; the AWS target sweeps leftovers by run id.
                }
                return;
            }
            // A shared AppInstance outlives the scenario: demote its admins first (an AppInstance holds only so
            // many), then delete its users.
            forEach(admins, arn -> identity.deleteAppInstanceAdmin(r -> r.appInstanceArn(appInstanceArn).appInstanceAdminArn(arn)));
            forEach(users, arn -> identity.deleteAppInstanceUser(r -> r.appInstanceUserArn(arn)));
        }

        /** Runs {@code delete} on each of a snapshot of {@code arns}, going on after a failure (best effort, see above). */
        private static void forEach(List<String> arns, Consumer<String> delete) {
            List<String> snapshot;
            synchronized (arns) {
                snapshot = List.copyOf(arns);
            }
            for (String arn : snapshot) {
                try {
                    delete.accept(arn);
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
        }
    }
}
