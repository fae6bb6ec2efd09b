package chime.conformance.runner.world;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.target.AppInstanceScope;
import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetCallTimer;
import chime.conformance.runner.target.TargetSession;
import chime.conformance.runner.wire.WireLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * The state of one scenario (a new instance per scenario, injected by PicoContainer into every step class).
 * It maps the names a feature uses (actors, channels, flows, messages) to what the target created, and
 * keeps the outcome of the last {@code When}.
 *
 * <p>The cast (see features/README.md): Ada is an AppInstanceAdmin as soon as she is named; Frank is a
 * user of another AppInstance; everyone else is a plain AppInstanceUser of the scenario's AppInstance,
 * whose roles (member, moderator, banned) the Given steps establish.
 */
public class World {

    /** The actor who is an AppInstanceAdmin of the scenario's AppInstance. */
    public static final String ADMIN = "Ada";
    /** The actor who belongs to another AppInstance. */
    public static final String FOREIGNER = "Frank";
    /** Who calls the developer APIs (channel flows, tags, the messaging session endpoint), which take no bearer. */
    public static final String DEVELOPER = "the developer";

    private final Target target;
    private final ChimeSdkMessagingClient messaging;
    private final ChimeSdkIdentityClient identity;
    private final Map<String, String> actors = new LinkedHashMap<>();
    private final Map<String, String> channels = new LinkedHashMap<>();
    private final Map<String, String> flows = new LinkedHashMap<>();
    private final Map<String, String> messages = new LinkedHashMap<>();
    private final MessageExpectations expectations;
    private final WireLog wire = new WireLog();
    private final Ids ids = new Ids();
    private java.util.Set<String> tags = java.util.Set.of();
    private AppInstanceScope scope;
    private AppInstanceScope foreignScope;
    private Outcome outcome;
    private String lastActor;

    public World() {
        this.target = TargetSession.current();
        this.expectations = new MessageExpectations(target, this::actorNameOf, this::messageLabel);
        this.messaging = expectations.watch(TargetCallTimer.timed(target.messaging(), ChimeSdkMessagingClient.class));
        this.identity = TargetCallTimer.timed(target.identity(), ChimeSdkIdentityClient.class);
    }

    public Target target() {
        return target;
    }

    /**
     * Every HTTP exchange of this scenario so far (SDK calls and raw requests), for wire-level steps and
     * the evidence of a failure; empty on targets without a wire.
     */
    public WireLog wire() {
        return wire;
    }

    /**
     * The target's messaging client, as every step and fixture uses it: each message it reads is checked
     * against what the scenario knows of it ({@link MessageExpectations}).
     */
    public ChimeSdkMessagingClient messaging() {
        return messaging;
    }

    /** What the scenario knows its messages must read like. */
    public MessageExpectations expectations() {
        return expectations;
    }

    public ChimeSdkIdentityClient identity() {
        return identity;
    }

    /** The scenario's tags, for fixtures that provision by what a scenario does (set before its first step). */
    public void scenarioTags(java.util.Collection<String> scenarioTags) {
        this.tags = java.util.Set.copyOf(scenarioTags);
    }

    /**
     * Whether the scenario declares that it needs this capability ({@code @requires:<tag>}, its own or
     * inherited). The hooks have checked that the target has every capability declared.
     */
    public boolean declares(Capability capability) {
        return tags.contains("@requires:" + capability.tag());
    }

    public synchronized AppInstanceScope scope() {
        if (scope == null) {
            scope = newScope("scenario");
        }
        return scope;
    }

    /** A new fixture scope; its provisioning counts as time in the target ({@link TargetCallTimer}). */
    private AppInstanceScope newScope(String label) {
        return TargetCallTimer.timed(TargetCallTimer.time(() -> chime.conformance.runner.wire.WireCapture.settingUp(
                () -> target.fixtures().newScope(label, tags))));
    }

    public String appInstanceArn() {
        return scope().appInstanceArn();
    }

    /** The ARN of the named actor, creating the AppInstanceUser on first mention. */
    public String actor(String name) {
        lastActor = name;
        String known = actors.get(name);
        if (known != null) {
            return known;
        }
        String arn = chime.conformance.runner.wire.WireCapture.settingUp(() -> createActor(name));
        actors.put(name, arn);
        return arn;
    }

    private String createActor(String name) {
        if (FOREIGNER.equals(name)) {
            if (foreignScope == null) {
                foreignScope = newScope("foreign");
            }
            return foreignScope.createUser(name);
        }
        String arn = scope().createUser(name);
        if (ADMIN.equals(name)) {
            scope().makeAdmin(arn);
        }
        return arn;
    }

    /**
     * The AppInstance an actor belongs to: the scenario's, or for the user of another AppInstance, the one
     * in the ARN of their AppInstanceUser (an AppInstanceUser ARN is {@code <AppInstance ARN>/user/<id>}).
     */
    public String appInstanceOf(String actor) {
        if (!FOREIGNER.equals(actor)) {
            return appInstanceArn();
        }
        String userArn = actor(actor);
        int cut = userArn.indexOf("/user/");
        if (cut < 0) {
            throw new HarnessException("cannot tell the AppInstance of " + actor + " from " + userArn);
        }
        return userArn.substring(0, cut);
    }

    /** The name of the actor most recently named: what "she" or "he" refers to in a step. */
    public String lastActor() {
        if (lastActor == null) {
            throw new HarnessException("a step says 'she' or 'he' before any actor was named");
        }
        return lastActor;
    }

    /**
     * The names the scenario gave what it made, by ARN: its actors (Alice), channels ("club") and channel flows,
     * and its AppInstances, as a person reads them in the feature.
     */
    public synchronized Map<String, String> castNames() {
        Map<String, String> names = new LinkedHashMap<>();
        if (scope != null) {
            names.put(scope.appInstanceArn(), "the AppInstance");
        }
        if (foreignScope != null) {
            names.put(foreignScope.appInstanceArn(), "the other AppInstance");
        }
        actors.forEach((name, arn) -> names.put(arn, name));
        channels.forEach((name, arn) -> names.put(arn, "\"" + name + "\""));
        flows.forEach((name, arn) -> names.put(arn, "flow \"" + name + "\""));
        return names;
    }

    /** The name of an actor whose ARN is known to this scenario. */
    public String actorNameOf(String arn) {
        return actors.entrySet().stream().filter(e -> e.getValue().equals(arn)).map(Map.Entry::getKey)
                .findFirst().orElse(arn);
    }

    public void rememberChannel(String name, String arn) {
        channels.put(name, arn);
    }

    public String channel(String name) {
        return known(channels, name, "channel", "creating");
    }

    public boolean hasChannel(String name) {
        return channels.containsKey(name);
    }

    /** The ARNs of every channel the scenario created, in order. */
    public java.util.List<String> channelArns() {
        return java.util.List.copyOf(channels.values());
    }

    public void rememberFlow(String name, String arn) {
        flows.put(name, arn);
    }

    public boolean hasFlow(String name) {
        return flows.containsKey(name);
    }

    public String flow(String name) {
        return known(flows, name, "channel flow", "creating");
    }

    /** Remembers a message under a label (usually its content as the feature quotes it). */
    public void rememberMessage(String label, String messageId) {
        messages.put(label, messageId);
    }

    /** The label under which a message was remembered, or null. */
    public String messageLabel(String messageId) {
        return messages.entrySet().stream().filter(e -> e.getValue().equals(messageId)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** The message the scenario remembered last. */
    public String lastMessage() {
        if (messages.isEmpty()) {
            throw new HarnessException("the scenario names a message before posting one");
        }
        return List.copyOf(messages.values()).get(messages.size() - 1);
    }

    /** The scenario's one source of new identifiers (idempotency tokens, callback IDs, unique names). */
    public Ids ids() {
        return ids;
    }

    public String message(String label) {
        return known(messages, label, "message", "posting");
    }

    /** What the scenario made under a name, or a harness error: a feature names it before making it. */
    private static String known(Map<String, String> made, String name, String what, String making) {
        String value = made.get(name);
        if (value == null) {
            throw new HarnessException("the scenario names " + what + " \"" + name + "\" before " + making + " it");
        }
        return value;
    }

    /**
     * Makes a call on behalf of {@code actor} and records the outcome, success or modeled error, for the
     * {@code Then} steps. Anything other than a service exception (a transport failure, a bug in the kit)
     * propagates.
     */
    public Outcome attempt(String operation, String actor, Supplier<? extends SdkResponse> call) {
        lastActor = actor;
        try {
            outcome = new Outcome(operation, actor, call.get(), null);
        } catch (AwsServiceException e) {
            outcome = new Outcome(operation, actor, null, e);
        }
        return outcome;
    }

    public Outcome outcome() {
        if (outcome == null) {
            throw new HarnessException("a Then step asserts an outcome but no When step made a request");
        }
        return outcome;
    }

    /**
     * How long the scenario waits for what it waits for: the target's consistency bound, and, when the scenario
     * runs the slow-pass-through processor, the time that processor takes as well.
     */
    public Duration processingBound() {
        Duration bound = target.consistencyBound();
        if (declares(Capability.PROCESSOR_SLOW_PASS_THROUGH)) {
            bound = bound.plus(target.slowProcessorDelay().orElse(Duration.ZERO));
        }
        return bound;
    }

    /**
     * Polls {@code read} until {@code done} holds or {@link #processingBound()} passes; returns the last
     * value read either way, so the caller's assertion reports what was seen. Never sleeps on targets whose
     * bound is zero.
     */
    public <T> T eventually(Supplier<T> read, Predicate<T> done) {
        Duration bound = processingBound();
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        long pause = 5;
        T value = read.get();
        boolean settled = done.test(value);
        boolean polled = false;
        while (!settled && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            polled = true;
            pause = Math.min(pause * 2, 250);
            value = read.get();
            settled = done.test(value);
        }
        if (polled || !settled) {
            target.consistencyWaited(Duration.ofNanos(System.nanoTime() - start), settled);
        }
        return value;
    }

    /** Called after the scenario: deletes what the fixtures created. */
    public void close() {
        if (scope != null) {
            scope.close();
        }
        if (foreignScope != null) {
            foreignScope.close();
        }
    }
}
