package chime.conformance.runner.api;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.MessageLedger;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.Setup;
import chime.conformance.runner.world.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * The runner's one way to speak the messaging API. A step names an operation (or gives a request builder),
 * changes the members it is about, and sends it as an actor; the driver fills in the rest from the SDK's
 * field metadata: the ChimeBearer of the actor, a ClientRequestToken from the world's one ID source, the
 * operation's name from the request class. It also makes the canonical request of any operation for the
 * scenario's cast and named things, sends a request with a member left out or replaced, and pages through
 * any list operation by following NextToken. One per scenario, injected by PicoContainer; it makes the
 * scenario's channel flows and message ledger, which speak the API through it too.
 */
public class Driver {

    /** More pages than this means the service never stops returning a NextToken. */
    public static final int MAX_PAGES = 1000;

    /** The parts of the cast a canonical request names (features/README.md). */
    static final String MEMBER = "Bob";
    static final String MODERATOR = "Alice";
    static final String BANNED = "Mallory";
    static final String NEWCOMER = "Carol";

    private final World world;
    private final ChannelFlowFixtures flows;
    private final MessageLedger ledger;

    public Driver(World world) {
        this.world = world;
        this.flows = new ChannelFlowFixtures(this);
        this.ledger = new MessageLedger(this);
    }

    public World world() {
        return world;
    }

    /** The scenario's channel flows and processors. */
    public ChannelFlowFixtures flows() {
        return flows;
    }

    /** The messages the scenario posted, by label. */
    public MessageLedger ledger() {
        return ledger;
    }

    /** A request of the operation with no member set but those the call fills (bearer, token). */
    public Call call(String operation) {
        return new Call(Operation.named(operation), null);
    }

    /** A request built with the SDK's typed builder; the call fills the bearer and token it leaves unset. */
    public Call call(SdkRequest.Builder request) {
        return new Call(Operation.of((SdkPojo) request), request);
    }

    /**
     * The canonical request of an operation: every member that locates or describes what it acts on, for
     * the scenario's channel and channel flow (null: none named; a request that needs a flow then gets a new
     * one), its latest message, and the cast: a Create or Batch request adds the newcomer, Carol (a ban
     * falls on Bob); a request about a ban names Mallory, the banned; one about moderators, Alice, who
     * created the channel; any other, Bob, the member. A list operation's enumerations are filters, left
     * out. Values are made only for the members sent.
     */
    public Call canonical(String operation, String channel, String flow) {
        Operation op = Operation.named(operation);
        Call call = new Call(op, null);
        for (SdkField<?> field : ((SdkPojo) op.builder()).sdkFields()) {
            Supplier<Object> value = canonical(op, field.memberName(), channel, flow);
            if (value != null) {
                call.members.put(field.memberName(), value);
            }
        }
        return call;
    }

    /**
     * The canonical request about one user in a channel: the user in whichever member the operation names
     * a user with (MemberArn, ChannelModeratorArn, AppInstanceUserArn).
     */
    public Call about(String operation, String channel, String user) {
        Call call = canonical(operation, channel, null);
        String member = USER_MEMBERS.stream().filter(call.operation::takes).findFirst()
                .orElseThrow(() -> new HarnessException(operation + " names no user"));
        return call.with(member, world.actor(user));
    }

    /** The canonical request about a message the scenario posted, by its label. */
    public Call aboutMessage(String operation, String channel, String label) {
        return canonical(operation, channel, null).with("MessageId", world.message(label));
    }

    /**
     * Sets the stage through Ada, the AppInstanceAdmin, who may do every moderator action (AUTH-024); a
     * conflict means a service did it already (the state wanted holds). The actor named stays the one
     * "she" or "he" refers to.
     */
    public void stage(String actor, Call call) {
        Setup.tolerateConflict(() -> call.send(World.ADMIN));
        world.actor(actor);
    }

    private static final List<String> USER_MEMBERS = List.of("MemberArn", "ChannelModeratorArn", "AppInstanceUserArn");

    private Supplier<Object> canonical(Operation op, String member, String channel, String flow) {
        String name = op.name();
        return switch (member) {
            case "AppInstanceArn" -> world::appInstanceArn;
            case "ChannelArn", "ResourceARN" -> () -> world.channel(named(channel, "channel", name));
            case "ChannelFlowArn" -> () -> flow == null ? flows.createFlow("canonical") : world.flow(flow);
            case "MessageId" -> world::lastMessage;
            case "CallbackId" -> () -> world.ids().token();
            case "Name" -> () -> "canonical";
            case "Content" -> () -> "Hello";
            case "MemberArn", "ChannelModeratorArn", "AppInstanceUserArn" -> () -> world.actor(castFor(name));
            case "MemberArns" -> name.startsWith("Batch") ? () -> List.of(world.actor(NEWCOMER)) : null;
            case "Tags" -> name.contains("Tag") ? () -> List.of(Tag.builder().key("topic").value("books").build()) : null;
            case "TagKeys" -> () -> List.of("topic");
            case "Processors" -> flows::passThrough;
            case "ChannelMessage" -> () -> ChannelMessageCallback.builder().messageId(world.lastMessage())
                    .content("Hello").build();
            default -> op.pages() ? null : firstValueOf(op, member);
        };
    }

    private static String castFor(String operation) {
        if (operation.startsWith("Create") || operation.startsWith("Batch")) {
            return operation.endsWith("Ban") ? MEMBER : NEWCOMER;
        }
        if (operation.contains("Ban")) {
            return BANNED;
        }
        return operation.contains("Moderat") ? MODERATOR : MEMBER;
    }

    /** An enumeration member (Mode, Privacy, Type, Persistence): the first value the model lists. */
    private static Supplier<Object> firstValueOf(Operation op, String member) {
        String setter = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return Arrays.stream(op.builder().getClass().getMethods())
                .filter(m -> m.getName().equals(setter) && m.getParameterCount() == 1 && m.getParameterTypes()[0].isEnum())
                .<Supplier<Object>>map(m -> {
                    Object first = m.getParameterTypes()[0].getEnumConstants()[0];
                    return () -> first;
                })
                .findFirst().orElse(null);
    }

    private static String named(String thing, String what, String operation) {
        if (thing == null) {
            throw new HarnessException("a canonical " + operation + " needs a " + what + " and the step names none");
        }
        return thing;
    }

    /** Sends a request {@link Call#request} made, as it is; a refusal fails the step. */
    @SuppressWarnings("unchecked")
    public <R extends SdkResponse> R send(SdkRequest request) {
        return (R) Operation.of((SdkPojo) request).invoke(world.messaging(), request);
    }

    /** Every item of a whole list, read as the actor; fails the step if the service refuses. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> itemsOf(SdkResponse response) {
        return (List<T>) Members.items(response);
    }

    /** The pages a list came in, and whether the last came without a NextToken (the list ended). */
    public record Paged(List<SdkResponse> pages, boolean finished) {

        /** What identifies each item ({@link Members#id}), page by page. */
        public List<List<String>> ids() {
            return pages.stream().map(p -> Members.items(p).stream().map(Members::id).toList()).toList();
        }

        /** The items of every page, in order. */
        public List<Object> items() {
            return pages.stream().flatMap(p -> Members.items(p).stream()).map(Object.class::cast).toList();
        }
    }

    /**
     * A request being prepared: members set by name, members left out, then sent. Unless left out, the
     * ChimeBearer is the actor's (never the developer's, whose APIs take none) and the ClientRequestToken a
     * new one from the world's ID source.
     */
    public final class Call {

        private final Operation operation;
        private final SdkRequest.Builder base;
        private final Map<String, Supplier<Object>> members = new LinkedHashMap<>();
        private final Set<String> leftOut = new HashSet<>();

        private Call(Operation operation, SdkRequest.Builder base) {
            this.operation = operation;
            this.base = base;
        }

        public String operation() {
            return operation.name();
        }

        /** The member replaced (null: left out). */
        public Call with(String member, Object value) {
            members.put(member, () -> value);
            leftOut.remove(member);
            return this;
        }

        /** The ChimeBearer left out, where the operation takes one (the developer APIs take none). */
        public Call anonymous() {
            return operation.takes("ChimeBearer") ? without("ChimeBearer") : this;
        }

        /** The member left out, whatever the request or the driver would put in it. */
        public Call without(String member) {
            if (!operation.takes(member)) {
                throw new HarnessException(operation.name() + " has no member " + member);
            }
            leftOut.add(member);
            return this;
        }

        /** The request as the actor would send it. */
        public SdkRequest request(String actor) {
            SdkRequest.Builder builder = base == null ? operation.builder() : base.build().toBuilder();
            members.forEach((member, value) -> {
                if (!leftOut.contains(member)) {
                    Members.set((SdkPojo) builder, member, value.get());
                }
            });
            leftOut.forEach(member -> Members.set((SdkPojo) builder, member, null));
            SdkRequest request = builder.build();
            request = fill(request, "ChimeBearer", () -> World.DEVELOPER.equals(actor) ? null : world.actor(actor));
            return fill(request, "ClientRequestToken", () -> world.ids().token());
        }

        private SdkRequest fill(SdkRequest request, String member, Supplier<Object> value) {
            boolean unset = operation.takes(member) && request.getValueForField(member, Object.class).isEmpty();
            return unset && !leftOut.contains(member) ? Members.with(request, member, value.get()) : request;
        }

        /** Sends it as the actor, recording the outcome (response or modeled error) for the Then steps. */
        public Outcome attempt(String actor) {
            SdkRequest request = request(actor);
            return world.attempt(operation.name(), actor, () -> operation.invoke(world.messaging(), request));
        }

        /** Sends a Create request as the When step; a channel or flow it creates is known by {@code name} after. */
        public Outcome attemptCreating(String actor, String name) {
            Outcome outcome = attempt(actor);
            if (!outcome.failed()) {
                remember(name, outcome.response(SdkResponse.class));
            }
            return outcome;
        }

        /** Sends a Create request to set the stage (a refusal fails the step); what it creates is known by {@code name}. */
        public void create(String actor, String name) {
            remember(name, send(actor));
        }

        private void remember(String name, SdkResponse created) {
            if (Members.has(created, "ChannelFlowArn")) {
                world.rememberFlow(name, Members.text(created, "ChannelFlowArn"));
            } else {
                world.rememberChannel(name, Members.text(created, "ChannelArn"));
            }
        }

        /** Sends it as the actor and returns the response; a refusal fails the step (stage setting, reads). */
        @SuppressWarnings("unchecked")
        public <R extends SdkResponse> R send(String actor) {
            return (R) operation.invoke(world.messaging(), request(actor));
        }

        /** Sends it as the actor for a Given or Then step to inspect, leaving the When step's outcome alone. */
        public Outcome read(String actor) {
            SdkRequest request = request(actor);
            try {
                return new Outcome(operation.name(), actor, operation.invoke(world.messaging(), request), null);
            } catch (AwsServiceException e) {
                return new Outcome(operation.name(), actor, null, e);
            }
        }

        /** Every page of a list, from the first until one comes without a NextToken; a refusal fails the step. */
        public List<SdkResponse> pages(String actor) {
            Paged paged = walk(MAX_PAGES, call -> call.send(actor));
            if (!paged.finished()) {
                throw new AssertionError(operation.name() + " kept returning a NextToken after " + MAX_PAGES + " pages");
            }
            return paged.pages();
        }

        /**
         * Pages through the list as the When step, each page's outcome recorded, until a page comes without a
         * NextToken, one is refused (the outcome the Then steps see), or {@code limit} pages came.
         */
        public Paged attemptPages(String actor, int limit) {
            return walk(limit, call -> {
                Outcome page = call.attempt(actor);
                return page.failed() ? null : page.response(SdkResponse.class);
            });
        }

        private Paged walk(int limit, Function<Call, SdkResponse> next) {
            List<SdkResponse> pages = new ArrayList<>();
            String token = null;
            do {
                SdkResponse page = next.apply(with("NextToken", token));
                if (page == null) {
                    return new Paged(pages, false);
                }
                pages.add(page);
                token = Members.text(page, "NextToken");
            } while (token != null && pages.size() < limit);
            return new Paged(pages, token == null);
        }

        /** The whole list: the first page with the items of every page. */
        public SdkResponse whole(String actor) {
            List<SdkResponse> pages = pages(actor);
            SdkResponse first = pages.get(0);
            return Members.with(Members.with(first, Members.itemsMember(first), new Paged(pages, true).items()),
                    "NextToken", null);
        }

        /** The items of the whole list. */
        public <T> List<T> items(String actor) {
            return itemsOf(whole(actor));
        }

        /** Reads the whole list as the When step: one outcome, the whole list or the first refusal. */
        public Outcome attemptWhole(String actor) {
            return world.attempt(operation.name(), actor, () -> whole(actor));
        }
    }
}
