package chime.conformance.runner.world;

import chime.conformance.runner.api.Intercepted;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.api.Operation;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import chime.conformance.runner.target.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * What a scenario knows each of its messages must read like, and the check of every message it reads
 * against that knowledge: one mechanism for every scenario, whoever reads (a When step, a Then step, a
 * fixture, a listing of every page).
 *
 * <p>It watches the scenario's messaging client ({@link #watch}): every successful write teaches it what a
 * message now holds (SendChannelMessage: what was sent; UpdateChannelMessage: the new content and metadata;
 * RedactChannelMessage: no content and no metadata (MSG-018, the current API Reference); a processor's ChannelFlowCallback: what the processor gave back; in a
 * channel whose flow runs a processor of known behaviour, what that processor makes of the message), and
 * every GetChannelMessage and ListChannelMessages response is checked against it: content, metadata,
 * type, persistence, sender and channel. A difference fails the step that read, naming the message and
 * the member. Where the scenario cannot know a value, it is not checked:
 * <ul>
 *   <li>metadata never sent (whether it reads back absent or empty is MSG-008's own question);</li>
 *   <li>a member an edit leaves out (MSG-011 is a kit decision);</li>
 *   <li>what a channel flow delivers when its processors' behaviour is not known (the scenario's own
 *       processor before it calls back, a Lambda function the target did not describe); until a read shows a
 *       message SENT, it reads as its sender submitted it, and an edit may show the version before it;</li>
 *   <li>messages the scenario did not send through this client (a raw HTTP request).</li>
 * </ul>
 * Members a read leaves out are not checked here either: each has a rule of its own (MSG-006, MSG-007,
 * MSG-025). On a target whose reads may lag behind its writes, a value a write replaced is still accepted
 * until the target's consistency bound has passed since the write.
 */
public final class MessageExpectations {

    /** The event type of every processor invocation, as the Developer Guide documents it. */
    public static final String PROCESSOR_EVENT = "CHANNEL_MESSAGE_EVENT";

    /** What the rewrite processor sets as the metadata (features/README.md). */
    public static final String REWRITTEN_METADATA = "rewritten-by-processor";

    /** The values a member of a message may read as; an unknown member is null, not a Field. */
    record Field(Set<String> values, String why) {

        static Field of(String value, String why) {
            return value == null ? null : new Field(Set.of(value), why);
        }

        /** No value at all: the member is absent, null or empty. */
        static Field cleared(String why) {
            Set<String> none = new LinkedHashSet<>();
            none.add(null);
            none.add("");
            return new Field(Collections.unmodifiableSet(none), why);
        }

        /** Either value: both must be known. */
        static Field either(Field a, Field b) {
            if (a == null || b == null) {
                return null;
            }
            Set<String> both = new LinkedHashSet<>(a.values);
            both.addAll(b.values);
            return new Field(Collections.unmodifiableSet(both), a.why + " or " + b.why);
        }

        boolean accepts(String value) {
            return values.contains(value) || (value == null && values.contains("")) || ("".equals(value) && values.contains(null));
        }

        String expected() {
            return values.stream().map(MessageExpectations::show).reduce((x, y) -> x + " or " + y).orElse("nothing");
        }
    }

    /**
     * One message as the scenario expects to read it. {@code content} and {@code metadata}: what it reads
     * like once delivered (SENT). {@code processed}: the message went to a channel flow, so that until it is
     * delivered it reads like {@code pendingContent} and {@code pendingMetadata}, what the sender submitted
     * (no processor has answered: nothing else can have changed it). {@code submittedContent} and
     * {@code submittedMetadata}: what the last send or edit carried, which a processor that calls back
     * without content or metadata leaves as it is (FLOW-022).
     */
    record Expected(String channelArn, String messageId, String senderArn, String type, String persistence,
                    Field content, Field metadata, boolean processed, Field pendingContent, Field pendingMetadata,
                    String submittedContent, String submittedMetadata, Expected previous, long since) {

        /** Delivered at once, with no channel flow. */
        Expected now(Field newContent, Field newMetadata, String content, String metadata) {
            return new Expected(channelArn, messageId, senderArn, type, persistence, newContent, newMetadata,
                    false, newContent, newMetadata, content, metadata, withoutHistory(), System.nanoTime());
        }

        /** Through a channel flow: one thing while processing goes on, another once delivered. */
        Expected processing(Field delivered, Field deliveredMetadata, Field pending, Field pendingMeta,
                            String content, String metadata) {
            return new Expected(channelArn, messageId, senderArn, type, persistence, delivered, deliveredMetadata,
                    true, pending, pendingMeta, content, metadata, withoutHistory(), System.nanoTime());
        }

        private Expected withoutHistory() {
            return new Expected(channelArn, messageId, senderArn, type, persistence, content, metadata, processed,
                    pendingContent, pendingMetadata, submittedContent, submittedMetadata, null, since);
        }
    }

    /** What one send or edit of a message carried (null: left out). */
    private record Submission(String content, String metadata, String why) {
    }

    /** What a channel flow's processors make of a message's content and metadata; null when unknown. */
    private record Rewrite(UnaryOperator<String> content, UnaryOperator<String> metadata, String why) {

        static final Rewrite NONE = new Rewrite(c -> c, m -> m, "");

        Rewrite then(Rewrite next) {
            return new Rewrite(c -> next.content.apply(content.apply(c)), m -> next.metadata.apply(metadata.apply(m)),
                    (why + " " + next.why).strip());
        }
    }

    private final Target target;
    private final Function<String, String> actorName;
    private final Function<String, String> messageLabel;
    private final Map<String, List<Processor>> flows = new HashMap<>();
    private final Map<String, String> channelFlows = new HashMap<>();
    private final Map<String, Expected> messages = new HashMap<>();
    private Map<String, ProcessorBehaviour> behaviours;
    private int checked;
    /** What each message's sends and edits carried, oldest first: what a processor may receive for it. */
    private final Map<String, List<Submission>> submissions = new HashMap<>();
    /** When the last message or edit that went to a channel flow was requested (System.nanoTime), or null. */
    private Long lastToFlow;

    /**
     * @param actorName the name of the actor whose ARN is given (or the ARN itself)
     * @param messageLabel the label a feature gives the message with that ID, or null
     */
    public MessageExpectations(Target target, Function<String, String> actorName, Function<String, String> messageLabel) {
        this.target = target;
        this.actorName = actorName;
        this.messageLabel = messageLabel;
    }

    /** {@code client}, with every call seen: writes teach, reads are checked. */
    public ChimeSdkMessagingClient watch(ChimeSdkMessagingClient client) {
        return Intercepted.client(client, "checked", (request, underneath) -> {
            long started = System.nanoTime();
            SdkResponse response = underneath.send(request);
            seen(request, response, started);
            return response;
        });
    }

    /**
     * When the scenario last requested a send or an edit that went to a channel flow (System.nanoTime): no
     * processor can have answered it before then.
     */
    public synchronized java.util.OptionalLong lastSubmittedToFlow() {
        return lastToFlow == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(lastToFlow);
    }

    /** How many messages read so far were compared with what the scenario knows of them. */
    public synchronized int checked() {
        return checked;
    }

    /**
     * A call that succeeded: a write teaches, a read is checked. The writes of messages and the associations of
     * flows each teach something of their own; a request carrying Processors (CreateChannelFlow,
     * UpdateChannelFlow) says what its flow runs; every message a response carries is checked.
     * @param started when the request was made (System.nanoTime)
     */
    @SuppressWarnings("unchecked")
    synchronized void seen(SdkRequest request, SdkResponse response, long started) {
        String channelArn = Members.text(request, "ChannelArn");
        String messageId = Members.text(request, "MessageId");
        if (request instanceof SendChannelMessageRequest q) {
            sent(q, (SendChannelMessageResponse) response, started);
        } else if (request instanceof UpdateChannelMessageRequest q) {
            edited(q, started);
        } else if (request instanceof RedactChannelMessageRequest) {
            change(channelArn, messageId, e -> e.now(Field.cleared("cleared by the redaction"),
                    Field.cleared("cleared by the redaction"), e.submittedContent(), e.submittedMetadata()));
        } else if (request instanceof DeleteChannelMessageRequest) {
            messages.remove(key(channelArn, messageId));
            submissions.remove(key(channelArn, messageId));
        } else if (request instanceof ChannelFlowCallbackRequest q) {
            calledBack(q);
        } else if (request instanceof AssociateChannelFlowRequest q) {
            channelFlows.put(channelArn, q.channelFlowArn());
        } else if (request instanceof DisassociateChannelFlowRequest) {
            channelFlows.remove(channelArn);
        } else if (Members.has(request, "Processors")) {
            String flow = Members.has(response, "ChannelFlowArn") ? Members.text(response, "ChannelFlowArn")
                    : Members.text(request, "ChannelFlowArn");
            flows.put(flow, List.copyOf((List<Processor>) Members.get(request, "Processors")));
        }
        String reader = Members.text(request, "ChimeBearer");
        for (SdkPojo m : messagesIn(response)) {
            String id = Members.text(m, "MessageId");
            check(Operation.of(request).name(), reader, channelArn, id == null ? messageId : id, m);
        }
    }

    /** The messages a response shows: a member that is a message, or the items of a list of messages. */
    private static List<SdkPojo> messagesIn(SdkResponse response) {
        List<SdkPojo> found = new ArrayList<>();
        for (SdkField<?> field : response.sdkFields()) {
            Object value = field.getValueOrDefault(response);
            for (Object item : value instanceof List<?> list ? list : Collections.singletonList(value)) {
                if (item instanceof SdkPojo message && Members.has(message, "MessageId")
                        && Members.has(message, "Sender")) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------- writes

    private void sent(SendChannelMessageRequest q, SendChannelMessageResponse r, long started) {
        if (r.messageId() == null || messages.containsKey(key(q.channelArn(), r.messageId()))) {
            return; // a retry with the same ClientRequestToken names the message first sent
        }
        Field content = Field.of(q.content(), "as sent");
        Field metadata = Field.of(q.metadata(), "as sent");
        Expected sent = new Expected(q.channelArn(), r.messageId(), q.chimeBearer(), q.typeAsString(),
                q.persistenceAsString(), content, metadata, false, content, metadata, q.content(), q.metadata(), null,
                System.nanoTime());
        String flow = q.type() == ChannelMessageType.CONTROL ? null : channelFlows.get(q.channelArn());
        if (flow != null) {
            lastToFlow = started;
            Rewrite rewrite = rewrite(flow);
            sent = sent.processing(processed(rewrite, q.content(), true), processed(rewrite, q.metadata(), false),
                    content, metadata, q.content(), q.metadata());
        }
        messages.put(key(q.channelArn(), r.messageId()), sent);
        submissions.computeIfAbsent(key(q.channelArn(), r.messageId()), k -> new ArrayList<>())
                .add(new Submission(q.content(), q.metadata(), "as sent"));
    }

    private void edited(UpdateChannelMessageRequest q, long started) {
        List<Submission> known = submissions.get(key(q.channelArn(), q.messageId()));
        if (known != null) {
            known.add(new Submission(q.content(), q.metadata(), "as edited"));
        }
        change(q.channelArn(), q.messageId(), e -> {
            Field content = Field.of(q.content(), "as edited");
            Field metadata = Field.of(q.metadata(), "as edited");
            String flow = ChannelMessageType.CONTROL.toString().equals(e.type()) ? null : channelFlows.get(q.channelArn());
            if (flow == null) {
                return e.now(content, metadata, q.content(), q.metadata());
            }
            lastToFlow = started;
            // The edit goes to the processor; until it is delivered, readers may still see the version before it.
            Rewrite rewrite = rewrite(flow);
            return e.processing(Field.either(e.content(), processed(rewrite, q.content(), true)),
                    Field.either(e.metadata(), processed(rewrite, q.metadata(), false)),
                    Field.either(e.content(), content), Field.either(e.metadata(), metadata), q.content(), q.metadata());
        });
    }

    /** FLOW-020, FLOW-022: the processor's content and metadata, or the submitted ones where it gives none. */
    private void calledBack(ChannelFlowCallbackRequest q) {
        if (q.channelMessage() == null) {
            return;
        }
        String id = q.channelMessage().messageId();
        if (Boolean.TRUE.equals(q.deleteResource())) {
            messages.remove(key(q.channelArn(), id));
            return;
        }
        change(q.channelArn(), id, e -> {
            String content = q.channelMessage().content();
            String metadata = q.channelMessage().metadata();
            return e.processing(
                    content != null ? Field.of(content, "as the processor's callback set it") : Field.of(e.submittedContent(), "as sent"),
                    metadata != null ? Field.of(metadata, "as the processor's callback set it") : Field.of(e.submittedMetadata(), "as sent"),
                    e.pendingContent(), e.pendingMetadata(), e.submittedContent(), e.submittedMetadata());
        });
    }

    private void change(String channelArn, String messageId, UnaryOperator<Expected> how) {
        Expected known = messages.get(key(channelArn, messageId));
        if (known != null) {
            messages.put(key(channelArn, messageId), how.apply(known));
        }
    }

    private static Field processed(Rewrite rewrite, String value, boolean content) {
        if (rewrite == null || value == null && content) {
            return null;
        }
        String result = content ? rewrite.content().apply(value) : rewrite.metadata().apply(value);
        return Field.of(result, rewrite.why().isEmpty() ? "as sent" : rewrite.why());
    }

    /**
     * What the flow's processors, in execution order, make of a message, when every one of them has a known
     * behaviour that delivers it: the pass-through processor changes nothing, the rewrite processor
     * upper-cases the content and sets the metadata (features/README.md), an unreachable processor that
     * falls back to CONTINUE passes the message on (FLOW-025, FLOW-027). Anything else: unknown.
     */
    private Rewrite rewrite(String flowArn) {
        List<Processor> processors = flows.get(flowArn);
        if (processors == null || processors.isEmpty()) {
            return null;
        }
        Rewrite result = Rewrite.NONE;
        for (Processor p : processors.stream().sorted(EXECUTION_ORDER).toList()) {
            String arn = lambdaArn(p);
            ProcessorBehaviour behaviour = arn == null ? null : behaviours().get(arn);
            if (behaviour == null) {
                return null;
            }
            switch (behaviour) {
                case PASS_THROUGH, SLOW_PASS_THROUGH -> { }
                case REWRITE -> result = result.then(new Rewrite(c -> c == null ? null : c.toUpperCase(Locale.ROOT),
                        m -> REWRITTEN_METADATA, "as the rewrite processor leaves it"));
                case UNREACHABLE -> {
                    if (p.fallbackAction() != FallbackAction.CONTINUE) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return result;
    }

    private Map<String, ProcessorBehaviour> behaviours() {
        if (behaviours == null) {
            behaviours = new HashMap<>();
            for (ProcessorBehaviour b : ProcessorBehaviour.values()) {
                target.processorArn(b).ifPresent(arn -> behaviours.putIfAbsent(arn, b));
            }
        }
        return behaviours;
    }

    // ---------------------------------------------------------------------------------------- processors

    /**
     * Checks the invocations a processor received for messages of {@code channelArn} against what the scenario
     * sent: the event the Developer Guide documents for processors ("Setting up a Channel Processor"), with
     * EventType CHANNEL_MESSAGE_EVENT, a CallbackId, and the ChannelMessage of that channel with the type, the
     * persistence and the sender the message was sent with, a CreatedTimestamp, and, for the first processor of
     * the flow, the content and metadata of one of the message's sends or edits (a later processor receives
     * what the one before it left). Messages the scenario did not send through its client are not checked, nor
     * a member the send or edit left out.
     */
    public synchronized void checkInvocations(String channelArn, List<ProcessorProbe.Invocation> invocations) {
        for (ProcessorProbe.Invocation i : invocations) {
            Expected e = messages.get(key(channelArn, i.messageId()));
            List<Submission> sent = submissions.get(key(channelArn, i.messageId()));
            if (e == null || sent == null) {
                continue;
            }
            List<String> wrong = new ArrayList<>();
            if (!PROCESSOR_EVENT.equals(i.eventType())) {
                wrong.add("EventType " + show(i.eventType()) + " where the Developer Guide documents " + PROCESSOR_EVENT);
            }
            if (i.callbackId() == null || i.callbackId().isEmpty()) {
                wrong.add("no CallbackId");
            }
            if (!channelArn.equals(i.channelArn())) {
                wrong.add("ChannelMessage.ChannelArn " + show(i.channelArn()) + " where the message was sent to "
                        + show(channelArn));
            }
            if (!java.util.Objects.equals(i.type(), e.type())) {
                wrong.add("ChannelMessage.Type " + show(i.type()) + " where it was sent as " + e.type());
            }
            if (!java.util.Objects.equals(i.persistence(), e.persistence())) {
                wrong.add("ChannelMessage.Persistence " + show(i.persistence()) + " where it was sent as " + e.persistence());
            }
            if (!java.util.Objects.equals(i.senderArn(), e.senderArn())) {
                wrong.add("ChannelMessage.Sender.Arn " + show(i.senderArn()) + " where " + actorName.apply(e.senderArn())
                        + " sent it");
            }
            if (i.createdTimestamp() == null || i.createdTimestamp().isEmpty()) {
                wrong.add("no ChannelMessage.CreatedTimestamp");
            }
            if (firstOfItsFlow(channelArn, i.processorArn()) && sent.stream().noneMatch(s ->
                    (s.content() == null || s.content().equals(i.content()))
                            && (s.metadata() == null || s.metadata().equals(i.metadata())))) {
                wrong.add("ChannelMessage.Content " + show(i.content()) + " and Metadata " + show(i.metadata())
                        + " where the scenario sent " + sent.stream().map(s -> show(s.content()) + " with "
                        + show(s.metadata()) + " (" + s.why() + ")").reduce((a, b) -> a + ", then " + b).orElse(""));
            }
            if (!wrong.isEmpty()) {
                String label = messageLabel.apply(i.messageId());
                throw new AssertionError("the processor " + i.processorArn() + " was invoked for the message "
                        + (label != null ? "\"" + label + "\"" : i.messageId()) + " with " + String.join("; ", wrong));
            }
        }
    }

    /** Whether the processor is the first of the channel's flow, or the only one, so that it gets what was sent. */
    private boolean firstOfItsFlow(String channelArn, String processorArn) {
        List<Processor> processors = flows.get(channelFlows.get(channelArn));
        if (processors == null || processors.isEmpty()) {
            return false;
        }
        String first = lambdaArn(processors.stream().min(EXECUTION_ORDER).orElseThrow());
        return first != null && first.equals(processorArn);
    }

    private static final Comparator<Processor> EXECUTION_ORDER = Comparator.comparing(p -> p.executionOrder() == null
            ? Integer.MAX_VALUE : p.executionOrder());

    private static String lambdaArn(Processor p) {
        return p.configuration() == null || p.configuration().lambda() == null ? null
                : p.configuration().lambda().resourceArn();
    }

    // ---------------------------------------------------------------------------------------- reads

    /** Checks a message a read showed (a member a summary lacks is null, and not checked). */
    private void check(String operation, String reader, String channelArn, String messageId, SdkPojo read) {
        Expected e = messages.get(key(channelArn, messageId));
        if (e == null) {
            return;
        }
        checked++;
        List<String> wrong = new ArrayList<>();
        String readChannel = Members.text(read, "ChannelArn");
        String type = Members.text(read, "Type");
        String persistence = Members.text(read, "Persistence");
        String sender = Members.get(read, "Sender") instanceof Identity i ? i.arn() : null;
        if (readChannel != null && !readChannel.equals(e.channelArn())) {
            wrong.add("ChannelArn " + show(readChannel) + " where the message was sent to " + show(e.channelArn()));
        }
        if (type != null && e.type() != null && !type.equals(e.type())) {
            wrong.add("Type " + type + " where it was sent as " + e.type());
        }
        if (persistence != null && e.persistence() != null && !persistence.equals(e.persistence())) {
            wrong.add("Persistence " + persistence + " where it was sent as " + e.persistence());
        }
        if (sender != null && !sender.equals(e.senderArn())) {
            wrong.add("Sender.Arn " + show(sender) + " (" + actorName.apply(sender) + ") where "
                    + actorName.apply(e.senderArn()) + " sent it");
        }
        ChannelMessageStatus status = Members.get(read, "Status") instanceof ChannelMessageStatusStructure s
                ? s.value() : null;
        Function<Expected, Field> content = Expected::content;
        Function<Expected, Field> metadata = Expected::metadata;
        if (e.processed() && status == null) {
            content = x -> Field.either(x.content(), x.pendingContent());
            metadata = x -> Field.either(x.metadata(), x.pendingMetadata());
        } else if (e.processed() && status != ChannelMessageStatus.SENT) {
            content = Expected::pendingContent;
            metadata = Expected::pendingMetadata;
        }
        compare("Content", Members.text(read, "Content"), e, content, wrong);
        compare("Metadata", Members.text(read, "Metadata"), e, metadata, wrong);
        if (!wrong.isEmpty()) {
            String label = messageLabel.apply(messageId);
            throw new AssertionError(operation + " by " + actorName.apply(reader) + ": the message "
                    + (label != null ? "\"" + label + "\"" : messageId + " (sent as " + show(e.submittedContent()) + ")")
                    + " reads with " + String.join("; ", wrong));
        }
    }

    private void compare(String member, String value, Expected e, Function<Expected, Field> field, List<String> wrong) {
        Field now = field.apply(e);
        if (now == null || now.accepts(value)) {
            return;
        }
        Duration bound = target.consistencyBound();
        if (e.previous() != null && System.nanoTime() - e.since() <= bound.toNanos()) {
            Field before = field.apply(e.previous());
            if (before == null || before.accepts(value)) {
                return; // the write that replaced it may not show yet
            }
        }
        wrong.add(member + " " + show(value) + " where the scenario expects " + now.expected() + " (" + now.why() + ")");
    }

    private static String key(String channelArn, String messageId) {
        return channelArn + " " + messageId;
    }

    /** A value as a failure shows it: quoted, and cut short with its size in bytes when long. */
    static String show(String value) {
        if (value == null) {
            return "none";
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (value.length() <= 60) {
            return "\"" + value + "\"" + (bytes > 20 ? " (" + bytes + " bytes)" : "");
        }
        return "\"" + value.substring(0, 24) + "..." + value.substring(value.length() - 24) + "\" (" + bytes + " bytes)";
    }
}
