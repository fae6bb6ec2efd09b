package chime.conformance.runner.types;

import chime.conformance.runner.target.ProcessorBehaviour;
import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageStatus;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;
import software.amazon.awssdk.services.chimesdkmessaging.model.FallbackAction;

/** The glossary as parameter types: {actor}, {channel}, {flow}, {kind}, {error}, {errors}, {processor}, {fallback}, {status}. */
public class ParameterTypes {

    /** A member of the cast, by first name (see features/README.md). */
    @ParameterType("[A-Z][a-z]+")
    public String actor(String name) {
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

    private static final String ERROR = "(?:BadRequestException|ConflictException|ForbiddenException|NotFoundException"
            + "|ResourceLimitExceededException|ServiceFailureException|ServiceUnavailableException"
            + "|ThrottledClientException|UnauthorizedClientException)";

    /** Two or more modeled exceptions, any of which conforms: "A or B", "A, B or C". */
    @ParameterType(ERROR + "(?:, " + ERROR + ")* or " + ERROR)
    public List<Class<? extends ChimeSdkMessagingException>> errors(String text) {
        return Arrays.stream(text.split(", | or ")).<Class<? extends ChimeSdkMessagingException>>map(this::error)
                .toList();
    }

    /** One of the modeled exceptions of the service (model-constraints section 2): the SDK's class of that name. */
    @ParameterType(ERROR)
    public Class<? extends ChimeSdkMessagingException> error(String name) {
        try {
            return Class.forName(ChimeSdkMessagingException.class.getPackageName() + "." + name)
                    .asSubclass(ChimeSdkMessagingException.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the SDK models no " + name, e);
        }
    }

    /** A processor of known behaviour, by the name features give it (see ProcessorBehaviour). */
    @ParameterType("slow-pass-through|pass-through|deny|rewrite|unreachable|hold")
    public ProcessorBehaviour processor(String key) {
        return ProcessorBehaviour.fromKey(key);
    }

    /** What a processor's flow does when the processor cannot be reached. */
    @ParameterType("CONTINUE|ABORT")
    public FallbackAction fallback(String value) {
        return FallbackAction.fromValue(value);
    }

    /** A message status, as the model spells it. */
    @ParameterType("SENT|PENDING|FAILED|DENIED")
    public ChannelMessageStatus status(String value) {
        return ChannelMessageStatus.fromValue(value);
    }
}
