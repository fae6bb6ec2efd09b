package chime.conformance.reference.core.model;

/**
 * A processor as a request carries it, before validation: any member may be missing. Mirrors the API's
 * {@code Processor{Name, Configuration{Lambda{ResourceArn, InvocationType}}, ExecutionOrder, FallbackAction}}.
 */
public record ProcessorSpec(String name, Configuration configuration, Integer executionOrder, String fallbackAction) {

    public record Configuration(Lambda lambda) {
    }

    public record Lambda(String resourceArn, String invocationType) {
    }
}
