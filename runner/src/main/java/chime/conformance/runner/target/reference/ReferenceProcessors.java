package chime.conformance.runner.target.reference;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.core.flow.ProcessorInvocation;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;
import java.time.Instant;

/** The reference's built-in processors, named by behaviour, and a probe over its invocation record. */
public final class ReferenceProcessors {

    private ReferenceProcessors() {
    }

    public static String arn(ProcessorBehaviour behaviour) {
        return "arn:aws:lambda:us-east-1:111122223333:function:chime-conformance-" + behaviour.key();
    }

    /** The invocations as the in-process service recorded them, in the shape the processor hooks give them. */
    public static ProcessorProbe probe(ReferenceService service) {
        return (processorArn, channelArn) -> service.processors().invocations(processorArn, channelArn, 0).stream()
                .map(ReferenceProcessors::invocation)
                .toList();
    }

    private static ProcessorProbe.Invocation invocation(ProcessorInvocation i) {
        ChannelMessage m = i.channelMessage();
        return new ProcessorProbe.Invocation(i.sequence(), i.processor().lambdaResourceArn(), i.eventType(),
                i.callbackId(), m.channelArn(), m.messageId(), m.content(), m.metadata(),
                m.sender() == null ? null : m.sender().arn(), m.sender() == null ? null : m.sender().name(),
                m.persistence() == null ? null : m.persistence().name(), m.type() == null ? null : m.type().name(),
                text(m.createdTimestamp()), text(m.lastEditedTimestamp()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
