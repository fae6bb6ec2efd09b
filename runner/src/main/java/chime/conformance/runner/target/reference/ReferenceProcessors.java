package chime.conformance.runner.target.reference;

import chime.conformance.reference.ReferenceService;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.ProcessorProbe;

/** The reference's built-in processors, named by behaviour, and a probe over its invocation record. */
public final class ReferenceProcessors {

    private ReferenceProcessors() {
    }

    public static String arn(ProcessorBehaviour behaviour) {
        return "arn:aws:lambda:us-east-1:111122223333:function:chime-conformance-" + behaviour.key();
    }

    public static ProcessorProbe probe(ReferenceService service) {
        return channelArn -> service.processors().invocationsFor(channelArn).stream()
                .map(i -> new ProcessorProbe.Invocation(i.processor().lambdaResourceArn(), i.channelArn(), i.messageId(),
                        i.callbackId(), i.content(), i.metadata()))
                .toList();
    }
}
