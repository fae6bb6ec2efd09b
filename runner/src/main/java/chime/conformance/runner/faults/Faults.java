package chime.conformance.runner.faults;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.api.Operation;
import chime.conformance.runner.target.ProcessorProbe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Building blocks the catalogue's faults share. */
final class Faults {

    private Faults() {
    }

    static Fault fault(String name, String rules, String description, Function<FaultContext, Interceptor> behaviour) {
        return new Fault(name, List.of(rules.split("\\s*,\\s*")), description, behaviour);
    }

    /**
     * A missing permission check: where the service refuses the caller of a {@code type} request with
     * ForbiddenException and {@code when} holds, the faulty service carries the request out anyway, as
     * an AppInstanceAdmin would.
     */
    static <Q extends SdkRequest> Function<FaultContext, Interceptor> allowWhenForbidden(
            Class<Q> type, BiPredicate<Q, FaultContext> when) {
        return ctx -> Interceptor.onError(type, ModeledError.FORBIDDEN, q -> when.test(q, ctx),
                (q, chain) -> chain.proceed(Members.with(q, "ChimeBearer", ctx.operator(arnIn(q)))));
    }

    /** A missing permission check on these operations: whoever they refuse with ForbiddenException is served. */
    static Function<FaultContext, Interceptor> allowWhenForbidden(Class<?>... types) {
        return allowWhenForbidden(SdkRequest.class, (q, ctx) -> java.util.Arrays.stream(types).anyMatch(t -> t.isInstance(q)));
    }

    /** The ARN a request acts on: its channel, else its AppInstance, else its user or resource. */
    static String arnIn(SdkRequest request) {
        for (String member : List.of("ChannelArn", "AppInstanceArn", "AppInstanceUserArn", "ChannelFlowArn", "ResourceARN")) {
            String value = Members.text(request, member);
            if (value != null) {
                return value;
            }
        }
        return Members.text(request, "ChimeBearer");
    }

    static String bearer(SdkRequest request) {
        return Members.text(request, "ChimeBearer");
    }

    // ---- memberships and moderators as the correct service holds them ----
    static Optional<ChannelMembershipForAppInstanceUserSummary> membershipOf(FaultContext ctx, String channelArn, String memberArn) {
        return FaultContext.lookUp(() -> ctx.service().describeChannelMembershipForAppInstanceUser(b -> b.channelArn(channelArn)
                .appInstanceUserArn(memberArn).chimeBearer(ctx.operator(channelArn))).channelMembership());
    }

    /** The moderator actions about a user (the user named by MemberArn or ChannelModeratorArn), each undone by its inverse. */
    private static final Set<String> MODERATOR_ACTIONS = Set.of("CreateChannelBan", "DeleteChannelBan",
            "CreateChannelModerator", "DeleteChannelModerator", "CreateChannelMembership", "DeleteChannelMembership");

    /**
     * moderator-action-noop: the action is carried out and then undone by its inverse (Create and Delete of the
     * same resource), through the faulty service's own administrator, so that the caller gets the answer the
     * correct service gives; a membership a ban or a removal took away comes back with its type. A redaction,
     * which cannot be undone, is answered without being carried out. Adding or removing oneself is no
     * moderator action.
     */
    static Interceptor moderatorActionsUndone(FaultContext ctx) {
        return (q, chain) -> {
            String bearer = Faults.bearer(q);
            String channel = Members.text(q, "ChannelArn");
            String action = Operation.of(q).name();
            String user = Members.has(q, "MemberArn") ? Members.text(q, "MemberArn") : Members.text(q, "ChannelModeratorArn");
            boolean moderatorAction = q instanceof RedactChannelMessageRequest || MODERATOR_ACTIONS.contains(action)
                    && !(action.endsWith("ChannelMembership") && Objects.equals(user, bearer));
            if (!moderatorAction || bearer == null || channel == null || !ctx.isModerator(channel, bearer) || ctx.isAdmin(bearer)) {
                return chain.proceed(q);
            }
            if (q instanceof RedactChannelMessageRequest r) {
                return ctx.message(channel, r.messageId()).isEmpty() ? chain.proceed(q) : RedactChannelMessageResponse.builder()
                        .channelArn(channel).messageId(r.messageId()).sdkHttpResponse(FaultContext.http(200)).build();
            }
            String operator = ctx.operator(channel);
            Optional<ChannelMembership> before = action.equals("CreateChannelBan") || action.equals("DeleteChannelMembership")
                    ? ctx.membership(channel, user) : Optional.empty();
            SdkResponse answer = chain.proceed(q);
            if (!action.equals("DeleteChannelMembership")) {
                Operation inverse = Operation.named(action.startsWith("Create") ? action.replaceFirst("Create", "Delete")
                        : action.replaceFirst("Delete", "Create"));
                SdkRequest.Builder undo = inverse.builder();
                for (String member : List.of("ChannelArn", "MemberArn", "ChannelModeratorArn")) {
                    if (inverse.takes(member)) {
                        Members.set((SdkPojo) undo, member, Members.get(q, member));
                    }
                }
                Members.set((SdkPojo) undo, "ChimeBearer", operator);
                inverse.invoke(ctx.service(), undo.build());
            }
            before.ifPresent(m -> ctx.service().createChannelMembership(x -> x.channelArn(channel).memberArn(user)
                    .type(m.type()).chimeBearer(operator)));
            return answer;
        };
    }

    // ---- messages: views, contents, sizes, listings ----
    /**
     * ListChannelsModeratedByAppInstanceUser also lists, on its first page, the channels {@code kept} holds for
     * the user asked about (or the caller): channels a faulty service still counts as moderated by them.
     */
    static Interceptor alsoModerating(Map<String, List<ChannelModeratedByAppInstanceUserSummary>> kept) {
        return Interceptor.on(ListChannelsModeratedByAppInstanceUserRequest.class, (q, chain) -> {
            ListChannelsModeratedByAppInstanceUserResponse r = chain.call(q);
            String user = q.appInstanceUserArn() != null ? q.appInstanceUserArn() : q.chimeBearer();
            List<ChannelModeratedByAppInstanceUserSummary> extra = kept.get(user);
            if (extra == null || q.nextToken() != null) {
                return r;
            }
            List<ChannelModeratedByAppInstanceUserSummary> all = new ArrayList<>(r.channels());
            all.addAll(extra);
            return r.toBuilder().channels(all).build();
        });
    }

    /** The answer to a message the faulty service accepts although it goes nowhere: SENT, with a new ID. */
    static SendChannelMessageResponse sentNowhere(SendChannelMessageRequest q) {
        return (SendChannelMessageResponse) SendChannelMessageResponse.builder().channelArn(q.channelArn())
                .messageId(UUID.randomUUID().toString().replace("-", "")).status(s -> s.value(ChannelMessageStatus.SENT))
                .sdkHttpResponse(FaultContext.http(201)).build();
    }

    static boolean empty(String text) {
        return text == null || text.isEmpty();
    }

    /** Content of exactly its type's limit in bytes, without its last character; any other content as it is. */
    static String shortOfTheLimit(String content, ChannelMessageType type) {
        int limit = type == ChannelMessageType.CONTROL ? 30 : 4096;
        if (content == null || Texts.bytes(content) != limit) {
            return content;
        }
        return content.substring(0, content.offsetByCodePoints(content.length(), -1));
    }

    static ChannelMessageSummary summary(ChannelMessage m) {
        return ChannelMessageSummary.builder().messageId(m.messageId()).content(m.content()).metadata(m.metadata())
                .type(m.type()).createdTimestamp(m.createdTimestamp()).lastUpdatedTimestamp(m.lastUpdatedTimestamp())
                .lastEditedTimestamp(m.lastEditedTimestamp()).sender(m.sender()).redacted(m.redacted()).status(m.status()).build();
    }

    /** The summary a faulty service lists for a message it was sent, as sent, created now. */
    static ChannelMessageSummary summary(SendChannelMessageRequest q, SendChannelMessageResponse r) {
        return ChannelMessageSummary.builder().messageId(r.messageId()).content(q.content()).metadata(q.metadata())
                .type(q.type()).createdTimestamp(java.time.Instant.now()).lastUpdatedTimestamp(java.time.Instant.now())
                .redacted(false).sender(Identity.builder().arn(q.chimeBearer()).build()).status(r.status()).build();
    }

    /** Rewrites every message the service returns; a GetChannelMessage rewritten to null answers NotFound. */
    static Interceptor messageView(UnaryOperator<ChannelMessage> onGet, UnaryOperator<ChannelMessageSummary> onList) {
        return Interceptor.all(
                Interceptor.on(GetChannelMessageRequest.class, (q, chain) -> {
                    GetChannelMessageResponse r = chain.call(q);
                    ChannelMessage m = onGet.apply(r.channelMessage());
                    if (m == null) {
                        throw FaultContext.error(ModeledError.NOT_FOUND, "The message does not exist");
                    }
                    return r.toBuilder().channelMessage(m).build();
                }),
                Interceptor.answer(ListChannelMessagesRequest.class, ListChannelMessagesResponse.class, (q, r) ->
                        r.toBuilder().channelMessages(r.channelMessages().stream().map(onList).toList()).build()));
    }

    /** Lists, on the first page of a channel's messages, the extra messages a faulty service still has. */
    static Interceptor withExtraMessages(java.util.function.Function<String, List<ChannelMessageSummary>> extra) {
        return Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
            ListChannelMessagesResponse r = chain.call(q);
            List<ChannelMessageSummary> more = extra.apply(q.channelArn());
            if (more == null || more.isEmpty() || q.nextToken() != null) {
                return r;
            }
            Comparator<ChannelMessageSummary> order = Comparator.comparing(ChannelMessageSummary::createdTimestamp);
            if (q.sortOrder() != SortOrder.ASCENDING) {
                order = order.reversed();
            }
            List<ChannelMessageSummary> all = new ArrayList<>(r.channelMessages());
            all.addAll(more);
            return r.toBuilder().channelMessages(all.stream().sorted(order).toList()).build();
        });
    }

    /**
     * After the operation on a message (an edit, a deletion), the message as it was before it is still listed
     * on the first page of its channel's messages.
     */
    static <Q extends SdkRequest> Interceptor stillListedAfter(FaultContext ctx, Class<Q> type) {
        Map<String, List<ChannelMessageSummary>> before = new ConcurrentHashMap<>();
        return Interceptor.all(
                Interceptor.then(type, q -> ctx.message(Members.text(q, "ChannelArn"), Members.text(q, "MessageId")),
                        (q, was) -> was.ifPresent(m -> before.computeIfAbsent(Members.text(q, "ChannelArn"),
                                k -> new CopyOnWriteArrayList<>()).add(summary(m)))),
                withExtraMessages(before::get));
    }

    /** Reads return the content a faulty service stored in full, where it kept more than the service would. */
    static Interceptor contentOverrides(Map<String, String> full) {
        return Interceptor.all(
                Interceptor.on(GetChannelMessageRequest.class, (q, chain) -> {
                    GetChannelMessageResponse r = chain.call(q);
                    String content = full.get(q.channelArn() + " " + q.messageId());
                    return content == null || Boolean.TRUE.equals(r.channelMessage().redacted()) ? r
                            : r.toBuilder().channelMessage(r.channelMessage().toBuilder().content(content).build()).build();
                }),
                Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                    ListChannelMessagesResponse r = chain.call(q);
                    return r.toBuilder().channelMessages(r.channelMessages().stream().map(s -> {
                        String content = full.get(q.channelArn() + " " + s.messageId());
                        return content == null || Boolean.TRUE.equals(s.redacted()) ? s : s.toBuilder().content(content).build();
                    }).toList()).build();
                }));
    }

    /**
     * Content of a {@code type} message that {@code faultyAccepts} is accepted although the documented
     * limit is {@code bytes} UTF-8 bytes: the service stores it whole and returns it whole.
     */
    static Interceptor oversizedContent(int bytes, ChannelMessageType type, java.util.function.Predicate<String> faultyAccepts) {
        Map<String, String> full = new ConcurrentHashMap<>();
        return Interceptor.all(
                Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                    String content = q.content();
                    if (q.type() != type || content == null || Texts.bytes(content) <= bytes || !faultyAccepts.test(content)) {
                        return chain.proceed(q);
                    }
                    SendChannelMessageResponse r = chain.call(q.toBuilder().content(Texts.truncateToBytes(content, bytes)).build());
                    full.put(q.channelArn() + " " + r.messageId(), content);
                    return r;
                }),
                contentOverrides(full));
    }

    // ---- channel flows: pending messages, processors, errors ----
    /** Remembers the messages (sends and edits) that the service reported PENDING. */
    static Interceptor rememberPending(Set<String> pending) {
        return Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
            SendChannelMessageResponse r = chain.call(q);
            if (r.status() != null && r.status().value() == ChannelMessageStatus.PENDING) {
                pending.add(q.channelArn() + " " + r.messageId());
            }
            return r;
        });
    }

    static List<Processor> continueOnly(List<Processor> processors) {
        return processors.stream().map(p -> p.fallbackAction() == FallbackAction.ABORT
                ? p.toBuilder().fallbackAction(FallbackAction.CONTINUE).build() : p).toList();
    }

    /** Describe and list flows with the processors as declared, not as the faulty service runs them. */
    static Interceptor showDeclaredProcessors(Map<String, List<Processor>> declared) {
        return Interceptor.all(
                Interceptor.on(DescribeChannelFlowRequest.class, (q, chain) -> {
                    DescribeChannelFlowResponse r = chain.call(q);
                    List<Processor> p = declared.get(q.channelFlowArn());
                    return p == null ? r : r.toBuilder().channelFlow(r.channelFlow().toBuilder().processors(p).build()).build();
                }),
                Interceptor.answer(ListChannelFlowsRequest.class, ListChannelFlowsResponse.class, (q, r) ->
                        r.toBuilder().channelFlows(r.channelFlows().stream().map(f -> declared.containsKey(f.channelFlowArn())
                            ? f.toBuilder().processors(declared.get(f.channelFlowArn())).build() : f).toList()).build()));
    }

    /** Runs {@code call} as if the channel had no flow, then gives the channel its flow back. */
    static SdkResponse withoutFlow(FaultContext ctx, String channelArn, Supplier<SdkResponse> call) {
        String flow = ctx.channel(channelArn).map(Channel::channelFlowArn).orElse(null);
        if (flow == null) {
            return call.get();
        }
        String operator = ctx.operator(channelArn);
        ctx.service().disassociateChannelFlow(b -> b.channelArn(channelArn).channelFlowArn(flow).chimeBearer(operator));
        try {
            return call.get();
        } finally {
            ctx.service().associateChannelFlow(b -> b.channelArn(channelArn).channelFlowArn(flow).chimeBearer(operator));
        }
    }

    static Interceptor translateError(ModeledError from, ModeledError to) {
        return Interceptor.failing((q, e) -> FaultContext.is(e, from) ? FaultContext.error(to, e.awsErrorDetails().errorMessage()) : e);
    }

    static ChimeSdkMessagingException withoutShapeName(ChimeSdkMessagingException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String shortCode = null;
        for (ModeledError type : ModeledError.values()) {
            if (FaultContext.is(e, type)) {
                shortCode = type.code();
            }
        }
        if (shortCode == null) {
            return e;
        }
        ChimeSdkMessagingException.Builder builder = e.toBuilder();
        for (SdkField<?> field : ((software.amazon.awssdk.core.SdkPojo) e).sdkFields()) {
            if (field.memberName().equals("Code")) {
                field.set(builder, null);
            }
        }
        String code = shortCode;
        return (ChimeSdkMessagingException) builder.awsErrorDetails(details.toBuilder().errorCode(code).build()).build();
    }

    // ---- ARNs and channel summaries ----
    static boolean hasMalformedArn(SdkRequest q) {
        for (SdkField<?> field : q.sdkFields()) {
            if (field.memberName().endsWith("Arn") || field.memberName().equals("ChimeBearer") || field.memberName().equals("ResourceARN")) {
                Object value = field.getValueOrDefault(q);
                if (value instanceof String s && !s.matches("arn:[a-z0-9-.]{1,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[^/].{0,1023}")) {
                    return true;
                }
            }
        }
        return false;
    }

    static ChannelSummary summary(Channel c) {
        return ChannelSummary.builder().name(c.name()).channelArn(c.channelArn()).mode(c.mode()).privacy(c.privacy())
                .metadata(c.metadata()).lastMessageTimestamp(c.lastMessageTimestamp()).build();
    }

    // ---- who may read a channel; membership types ----
    /** The channel is public, or the user is a member of it: who could read the moderators before AUTH-026. */
    static boolean readable(FaultContext ctx, String channelArn, String userArn) {
        return ctx.isMember(channelArn, userArn)
                || ctx.channel(channelArn).map(c -> c.privacy() == ChannelPrivacy.PUBLIC).orElse(false);
    }

    /** Replaces the user's membership by one of the other type (as the operator, so nobody's rights matter). */
    static void setType(FaultContext ctx, String channelArn, String userArn, ChannelMembershipType type,
                                String operator) {
        quietly(() -> ctx.service().deleteChannelMembership(b -> b.channelArn(channelArn).memberArn(userArn)
                .chimeBearer(operator)));
        ctx.service().createChannelMembership(b -> b.channelArn(channelArn).memberArn(userArn).type(type)
                .chimeBearer(operator));
    }

    static void quietly(Runnable call) {
        try {
            call.run();
        } catch (ChimeSdkMessagingException notThere) {
            // nothing to undo
        }
    }

    // ---- the events processors receive ----
    /** Every invocation the target shows, changed by {@code change}: the event the processors received. */
    static UnaryOperator<ProcessorProbe> event(Function<ProcessorProbe.Invocation, ProcessorProbe.Invocation> change) {
        return probe -> (processorArn, channelArn) -> probe.invocations(processorArn, channelArn).stream()
                .map(change).toList();
    }

    static ProcessorProbe.Invocation withEventType(ProcessorProbe.Invocation i, String eventType) {
        return new ProcessorProbe.Invocation(i.sequence(), i.processorArn(), eventType, i.callbackId(), i.channelArn(),
                i.messageId(), i.content(), i.metadata(), i.senderArn(), i.senderName(), i.persistence(), i.type(),
                i.createdTimestamp(), i.lastEditedTimestamp());
    }
}
