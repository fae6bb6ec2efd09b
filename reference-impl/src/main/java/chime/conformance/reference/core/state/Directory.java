package chime.conformance.reference.core.state;

import chime.conformance.reference.core.quota.ServiceQuotas;

import chime.conformance.reference.core.model.AppInstance;
import chime.conformance.reference.core.model.AppInstanceAdmin;
import chime.conformance.reference.core.model.AppInstanceUser;

import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The identity subset the messaging rules stand on: AppInstances, their users and their admins.
 * Storage only; the rules live in {@link IdentityOperations} and the messaging operations.
 *
 * <p>Operations that make a channel refer to a user (membership, moderator, ban) run inside
 * {@link #whileUsersStable}: a user deletion waits for them, so its cleanup (BAN-007) sees every reference
 * they created and no reference to a deleted user survives.
 */
public final class Directory {

    private final ConcurrentHashMap<String, AppInstance> appInstances = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, String> appInstancesInOrder = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, AppInstanceUser> users = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, AppInstanceUser>> usersByAppInstance =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, AppInstanceAdmin>> adminsByAppInstance =
            new ConcurrentHashMap<>();
    /** Users per AppInstance, for the quota: counting a skip list is linear. */
    private final ConcurrentHashMap<String, AtomicInteger> userCounts = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();

    public AppInstance appInstance(String appInstanceArn) {
        return appInstanceArn == null ? null : appInstances.get(appInstanceArn);
    }

    /** How many AppInstances exist. */
    public int appInstanceCount() {
        return appInstances.size();
    }

    public void addAppInstance(AppInstance appInstance) {
        appInstances.put(appInstance.appInstanceArn(), appInstance);
        userCounts.put(appInstance.appInstanceArn(), new AtomicInteger());
        usersByAppInstance.put(appInstance.appInstanceArn(), new ConcurrentSkipListMap<>());
        adminsByAppInstance.put(appInstance.appInstanceArn(), new ConcurrentSkipListMap<>());
        appInstancesInOrder.put(appInstance.sequence(), appInstance.appInstanceArn());
    }

    public NavigableMap<Long, String> appInstancesInOrder() {
        return appInstancesInOrder;
    }

    /** Removes an AppInstance and its users and admins; returns the users removed, for cascading cleanup. */
    public List<AppInstanceUser> removeAppInstance(AppInstance appInstance) {
        lifecycle.writeLock().lock();
        try {
            appInstances.remove(appInstance.appInstanceArn());
            appInstancesInOrder.remove(appInstance.sequence());
            adminsByAppInstance.remove(appInstance.appInstanceArn());
            userCounts.remove(appInstance.appInstanceArn());
            ConcurrentSkipListMap<String, AppInstanceUser> removed = usersByAppInstance.remove(appInstance.appInstanceArn());
            List<AppInstanceUser> gone = removed == null ? List.of() : List.copyOf(removed.values());
            gone.forEach(user -> users.remove(user.appInstanceUserArn()));
            return gone;
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    public AppInstanceUser user(String appInstanceUserArn) {
        return appInstanceUserArn == null ? null : users.get(appInstanceUserArn);
    }

    /** A user of the given AppInstance, or null: users of other AppInstances do not count (AUTH-003, MEMB-015). */
    public AppInstanceUser userOf(String appInstanceArn, String appInstanceUserArn) {
        AppInstanceUser user = user(appInstanceUserArn);
        return user != null && user.appInstanceArn().equals(appInstanceArn) ? user : null;
    }

    /**
     * Adds a user unless one with the same ARN exists; returns the existing one in that case, else null.
     * A user whose AppInstance was deleted meanwhile is not added (as if deleted with it). An AppInstance
     * already holding {@code maxUsers} users takes no more (ResourceLimitExceededException).
     */
    public AppInstanceUser addUserIfAbsent(AppInstanceUser user, int maxUsers) {
        lifecycle.readLock().lock();
        try {
            ConcurrentSkipListMap<String, AppInstanceUser> ofAppInstance = usersByAppInstance.get(user.appInstanceArn());
            AtomicInteger count = userCounts.get(user.appInstanceArn());
            if (ofAppInstance == null || count == null) {
                return null;
            }
            // Counted first, so concurrent creations can never take the AppInstance past the quota.
            if (count.incrementAndGet() > maxUsers) {
                count.decrementAndGet();
                throw ServiceQuotas.exceeded(maxUsers, "users per AppInstance");
            }
            AppInstanceUser existing = users.putIfAbsent(user.appInstanceUserArn(), user);
            if (existing != null) {
                count.decrementAndGet();
                return existing;
            }
            ofAppInstance.put(user.appInstanceUserArn(), user);
            return null;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    public NavigableMap<String, AppInstanceUser> usersOf(String appInstanceArn) {
        ConcurrentSkipListMap<String, AppInstanceUser> ofAppInstance = usersByAppInstance.get(appInstanceArn);
        return ofAppInstance == null ? new ConcurrentSkipListMap<>() : ofAppInstance;
    }

    /** Removes a user and the admin role it holds. Waits for operations running in {@link #whileUsersStable}. */
    public AppInstanceUser removeUser(String appInstanceUserArn) {
        lifecycle.writeLock().lock();
        try {
            AppInstanceUser removed = users.remove(appInstanceUserArn);
            if (removed != null) {
                ConcurrentSkipListMap<String, AppInstanceUser> ofAppInstance = usersByAppInstance.get(removed.appInstanceArn());
                if (ofAppInstance != null && ofAppInstance.remove(appInstanceUserArn) != null) {
                    AtomicInteger count = userCounts.get(removed.appInstanceArn());
                    if (count != null) {
                        count.decrementAndGet();
                    }
                }
                ConcurrentSkipListMap<String, AppInstanceAdmin> admins = adminsByAppInstance.get(removed.appInstanceArn());
                if (admins != null) {
                    admins.remove(appInstanceUserArn);
                }
            }
            return removed;
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    public boolean isAdmin(String appInstanceArn, String appInstanceUserArn) {
        ConcurrentSkipListMap<String, AppInstanceAdmin> admins = adminsByAppInstance.get(appInstanceArn);
        return admins != null && admins.containsKey(appInstanceUserArn);
    }

    public AppInstanceAdmin admin(String appInstanceArn, String appInstanceUserArn) {
        ConcurrentSkipListMap<String, AppInstanceAdmin> admins = adminsByAppInstance.get(appInstanceArn);
        return admins == null ? null : admins.get(appInstanceUserArn);
    }

    /**
     * Adds an admin unless present; returns the existing admin in that case, else null. An admin whose user
     * or AppInstance was deleted meanwhile is not added (as if deleted with it). An AppInstance already
     * holding {@code maxAdmins} admins takes no more (ResourceLimitExceededException).
     */
    public AppInstanceAdmin addAdminIfAbsent(AppInstanceAdmin admin, int maxAdmins) {
        lifecycle.readLock().lock();
        try {
            ConcurrentSkipListMap<String, AppInstanceAdmin> admins = adminsByAppInstance.get(admin.appInstanceArn());
            if (admins == null || users.get(admin.admin().arn()) == null) {
                return null;
            }
            synchronized (admins) { // additions one at a time: the count cannot pass the quota
                AppInstanceAdmin existing = admins.get(admin.admin().arn());
                if (existing != null) {
                    return existing;
                }
                ServiceQuotas.require(admins.size(), maxAdmins, "admins per AppInstance");
                admins.put(admin.admin().arn(), admin);
                return null;
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    public AppInstanceAdmin removeAdmin(String appInstanceArn, String appInstanceUserArn) {
        ConcurrentSkipListMap<String, AppInstanceAdmin> admins = adminsByAppInstance.get(appInstanceArn);
        return admins == null ? null : admins.remove(appInstanceUserArn);
    }

    public NavigableMap<String, AppInstanceAdmin> adminsOf(String appInstanceArn) {
        ConcurrentSkipListMap<String, AppInstanceAdmin> admins = adminsByAppInstance.get(appInstanceArn);
        return admins == null ? new ConcurrentSkipListMap<>() : admins;
    }

    /**
     * Runs an action while no user or AppInstance is added or removed and no operation that makes a channel
     * refer to a user runs: a consistent view for a snapshot of the service's state.
     */
    public <T> T exclusively(Supplier<T> action) {
        lifecycle.writeLock().lock();
        try {
            return action.get();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Runs an action that makes something refer to users, so that no user is deleted meanwhile. */
    public <T> T whileUsersStable(Supplier<T> action) {
        lifecycle.readLock().lock();
        try {
            return action.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }
}
