package chime.conformance.runner.target.sdk;

import chime.conformance.runner.target.Capability;
import chime.conformance.runner.target.ProcessorBehaviour;
import chime.conformance.runner.target.Target;
import chime.conformance.runner.target.TargetConfig;
import chime.conformance.runner.target.TargetProvider;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --target http://HOST:PORT} (or https): any endpoint that speaks the Chime SDK Messaging and
 * Identity APIs, driven through the AWS SDK for Java with an endpoint override. Region, credentials,
 * capabilities, processor ARNs and the consistency bound come from {@code --target-config}; without one,
 * the target has only WIRE and dummy static credentials, and scenarios needing more are NOT_APPLICABLE.
 * Each processor listed under {@code processors:} is a capability ({@code processor:deny}, ...): scenarios
 * that run a behaviour not listed are NOT_APPLICABLE, those that only manage flows run on any endpoint.
 * With {@code hooks:}, the base URL of the endpoint's processor hooks (docs/processor-hooks.md), the target
 * also has processor-inspection (so the hold processor, which a scenario plays, can be listed), and
 * clock-control when the config declares it.
 */
public final class SdkTargetProvider implements TargetProvider {

    /** How long eventually-consistent reads may lag on an endpoint nobody described. */
    static final Duration DEFAULT_CONSISTENCY = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "http(s)://HOST:PORT";
    }

    @Override
    public String description() {
        return "any endpoint speaking the API, through the AWS SDK for Java (settings from --target-config)";
    }

    @Override
    public boolean accepts(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    @Override
    public Target open(String spec, TargetConfig config) {
        URI endpoint = URI.create(spec);
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException("target '" + spec + "' is not a URL with a host, e.g. http://127.0.0.1:8080");
        }
        if (config.endpoint() != null && !config.endpoint().equals(endpoint)) {
            throw new IllegalArgumentException("--target " + spec + " and the endpoint " + config.endpoint()
                    + " in " + config.source() + " disagree; give the endpoint once");
        }
        Set<Capability> declared = config.capabilities().isEmpty() ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(config.capabilities());
        ProcessorHooksClient hooks = null;
        if (config.hooks() != null) {
            hooks = new ProcessorHooksClient(config.hooks());
            hooks.check();
            // Through the hooks the kit sees every invocation, and so can play a processor that only records them.
            declared.add(Capability.PROCESSOR_INSPECTION);
        } else {
            if (declared.contains(Capability.PROCESSOR_INSPECTION)) {
                throw new IllegalArgumentException("capability processor-inspection in " + config.source()
                        + " needs the processor hooks of the endpoint: give their URL as 'hooks:' (e.g. "
                        + endpoint + "/_chime-conformance/v1; docs/processor-hooks.md)");
            }
            if (declared.contains(Capability.CLOCK_CONTROL)) {
                throw new IllegalArgumentException("capability clock-control in " + config.source()
                        + " needs the processor hooks of the endpoint: give their URL as 'hooks:'"
                        + " (docs/processor-hooks.md)");
            }
            if (config.processors().containsKey(ProcessorBehaviour.HOLD)) {
                // A hold processor is there for the scenario to play, which needs to see its invocations.
                throw new IllegalArgumentException("processors.hold in " + config.source() + ": a hold processor"
                        + " needs processor-inspection, which the endpoint gives through its processor hooks:"
                        + " give their URL as 'hooks:' (docs/processor-hooks.md), or remove it");
            }
        }
        boolean clock = declared.remove(Capability.CLOCK_CONTROL);
        SdkClients clients = SdkClients.open(endpoint, config, SdkClients.Retries.SDK_DEFAULT);
        SdkTarget target = new SdkTarget(endpoint.toString(), "endpoint " + endpoint + " through the AWS SDK for Java ("
                + clients.region().id() + ")" + (hooks == null ? "" : ", processor hooks at " + hooks.base()),
                endpoint, clients, declared, config.processors(), hooks,
                config.consistency() == null ? DEFAULT_CONSISTENCY : config.consistency(), config.appInstanceArn());
        target.withSlowProcessorDelay(config.slowProcessorDelay());
        return clock ? target.withClockControl(hooks::advanceClock) : target;
    }
}
