package chime.conformance.reference.core.model;

/** One processor of a channel flow: a Lambda function invoked in ExecutionOrder (FLOW-003, FLOW-004). */
public record Processor(String name, String lambdaResourceArn, InvocationType invocationType, int executionOrder,
                        FallbackAction fallbackAction) {
}
