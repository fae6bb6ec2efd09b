package chime.conformance.runner.types;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.target.ProcessorBehaviour;
import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageStatus;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;
import software.amazon.awssdk.services.chimesdkmessaging.model.FallbackAction;

/**
 * The glossary as parameter types: {actor}, {caller}, {channel}, {flow}, {kind}, {error}, {errors}, {processor},
 * {fallback}, {inclusion}, {withOrWithout}, {status}.
 */
public class ParameterTypes {

    /** A member of the cast, by first name (see features/README.md). */
    @ParameterType("[A-Z][a-z]+")
    public String actor(String name) {
        return name;
    }

    /** Who makes a request: a member of the cast, or "the developer", who calls with no bearer (World.DEVELOPER). */
    @ParameterType("[A-Z][a-z]+|the developer")
    public String caller(String name) {
        return name;
    }

    /** A channel, by the name the scenario gave it. */
    @ParameterType("\"([^\"]+)\"")
    public String channel(String name) {
        return name;
    }

    /** A channel flow, by the name the scenario gave it. */
    @ParameterType("\"([^\"]+)\"")
    public String flow(String name) {
        return name;
    }

    /** Privacy and mode of a channel: "public", "private", "restricted", "private restricted", ... */
    @ParameterType("(?:public|private)(?: (?:restricted|unrestricted))?|restricted|unrestricted")
    public ChannelKind kind(String text) {
        return ChannelKind.parse(text);
    }

    /**
     * A modeled exception by its shape name. The pattern takes any such name; which names the service models is
     * the error catalogue's to say ({@link ModeledError}), so a name it does not know fails the step.
     */
    private static final String ERROR = "[A-Z][A-Za-z]*Exception";

    /** One modeled exception, or several, any of which conforms: "A", "A or B", "A, B or C". */
    @ParameterType(ERROR + "(?:(?:, " + ERROR + ")* or " + ERROR + ")?")
    public List<Class<? extends ChimeSdkMessagingException>> errors(String text) {
        return Arrays.stream(text.split(", | or ")).<Class<? extends ChimeSdkMessagingException>>map(this::error)
                .toList();
    }

    /** One of the modeled exceptions of the service (model-constraints section 2), from the error catalogue. */
    @ParameterType(ERROR)
    public Class<? extends ChimeSdkMessagingException> error(String name) {
        return ModeledError.byShape(name)
                .map(e -> e.exceptionClass().asSubclass(ChimeSdkMessagingException.class))
                .orElseThrow(() -> new IllegalArgumentException(name + " is not a modeled exception of the service"));
    }

    /** The names features give the processors of known behaviour (see ProcessorBehaviour). */
    public static final String PROCESSORS = "slow-pass-through|pass-through|deny|rewrite|unreachable|hold";

    /** A processor of known behaviour, by the name features give it. */
    @ParameterType(PROCESSORS)
    public ProcessorBehaviour processor(String key) {
        return ProcessorBehaviour.fromKey(key);
    }

    /** What a processor's flow does when the processor cannot be reached. */
    @ParameterType("CONTINUE|ABORT")
    public FallbackAction fallback(String value) {
        return FallbackAction.fromValue(value);
    }

    /** "include" or "do not include": whether a list must hold what the step names. */
    @ParameterType("include|do not include")
    public Boolean inclusion(String words) {
        return words.equals("include");
    }

    /** "with" or "without": whether what the step names is there. */
    @ParameterType("with|without")
    public Boolean withOrWithout(String word) {
        return word.equals("with");
    }

    /** A message status, as the model spells it. */
    @ParameterType("SENT|PENDING|FAILED|DENIED")
    public ChannelMessageStatus status(String value) {
        return ChannelMessageStatus.fromValue(value);
    }
}
