package chime.conformance.runner.steps;

import static chime.conformance.runner.world.World.DEVELOPER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import chime.conformance.runner.world.ChannelFlowFixtures;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.World;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.BatchCreateChannelMembershipError;
import software.amazon.awssdk.services.chimesdkmessaging.model.BatchCreateChannelMembershipResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;
import software.amazon.awssdk.services.chimesdkmessaging.model.Tag;

/**
 * Errors as the service reports them: their exception classes per operation (the model's matrix), their
 * HTTP status, error code and message; and requests made only to provoke them (a member left out, a value
 * outside an enumeration, a batch with a user who does not exist).
 */
public class ErrorSteps {

    private static final String UNKNOWN_USER = "errors.unknownUser";

    /**
     * Which exceptions the service model lists for an operation (ERR-010). Read from the SDK's generated
     * client, whose method for each operation declares exactly the model's exception shapes: the kit keeps
     * no hand-copied matrix of its own.
     */
    static Set<String> modeledExceptions(String operation) {
        String method = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        return Arrays.stream(ChimeSdkMessagingClient.class.getMethods())
                .filter(m -> m.getName().equals(method) && m.getParameterCount() == 1
                        && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0]))
                .flatMap(m -> Arrays.stream(m.getExceptionTypes()))
                .filter(ChimeSdkMessagingException.class::isAssignableFrom)
                .filter(t -> t != ChimeSdkMessagingException.class)
                .map(Class::getSimpleName)
                .collect(Collectors.toUnmodifiableSet());
    }

    private final World world;
    private final ChannelFlowFixtures flows;

    public ErrorSteps(World world, ChannelFlowFixtures flows) {
        this.world = world;
        this.flows = flows;
    }

    // ---------------------------------------------------------------- provoking errors

    @When("{actor} adds {actor} and a user who does not exist to {channel} in one batch")
    public void addsInOneBatch(String actor, String member, String channel) {
        String memberArn = world.actor(member);
        String arn = world.channel(channel);
        String unknown = world.appInstanceArn() + "/user/" + UUID.randomUUID();
        world.note(UNKNOWN_USER, unknown);
        world.attemptAs("BatchCreateChannelMembership", actor, bearer -> world.messaging()
                .batchCreateChannelMembership(r -> r
                        .channelArn(arn).memberArns(memberArn, unknown).type(ChannelMembershipType.DEFAULT)
                        .chimeBearer(bearer)));
    }

    /** ERR-012: a request complete but for one member the documentation marks [REQUIRED]. */
    @When("in {channel}, {actor} calls {word} without its {word}")
    public void callsWithoutItsMember(String channel, String actor, String operation, String member) {
        String bearer = world.actor(actor);
        String arn = world.channel(channel);
        String other = world.actor("Bob");
        String appInstance = world.appInstanceArn();
        String token = UUID.randomUUID().toString();
        ChimeSdkMessagingClient api = world.messaging();
        Supplier<SdkResponse> call = switch (operation + "/" + member) {
            case "CreateChannel/AppInstanceArn" -> () -> api.createChannel(r -> r.name("incomplete")
                    .mode(ChannelMode.UNRESTRICTED).privacy(ChannelPrivacy.PUBLIC).clientRequestToken(token)
                    .chimeBearer(bearer));
            case "CreateChannel/Name" -> () -> api.createChannel(r -> r.appInstanceArn(appInstance)
                    .mode(ChannelMode.UNRESTRICTED).privacy(ChannelPrivacy.PUBLIC).clientRequestToken(token)
                    .chimeBearer(bearer));
            case "SendChannelMessage/Content" -> () -> api.sendChannelMessage(r -> r.channelArn(arn)
                    .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)
                    .clientRequestToken(token).chimeBearer(bearer));
            case "SendChannelMessage/Type" -> () -> api.sendChannelMessage(r -> r.channelArn(arn).content("Hello")
                    .persistence(ChannelMessagePersistenceType.PERSISTENT).clientRequestToken(token)
                    .chimeBearer(bearer));
            case "SendChannelMessage/Persistence" -> () -> api.sendChannelMessage(r -> r.channelArn(arn)
                    .content("Hello").type(ChannelMessageType.STANDARD).clientRequestToken(token).chimeBearer(bearer));
            case "CreateChannelMembership/MemberArn" -> () -> api.createChannelMembership(r -> r.channelArn(arn)
                    .type(ChannelMembershipType.DEFAULT).chimeBearer(bearer));
            case "CreateChannelMembership/Type" -> () -> api.createChannelMembership(r -> r.channelArn(arn)
                    .memberArn(other).chimeBearer(bearer));
            case "BatchCreateChannelMembership/MemberArns" -> () -> api.batchCreateChannelMembership(r -> r
                    .channelArn(arn).type(ChannelMembershipType.DEFAULT).chimeBearer(bearer));
            case "CreateChannelModerator/ChannelModeratorArn" -> () -> api.createChannelModerator(r -> r
                    .channelArn(arn).chimeBearer(bearer));
            case "CreateChannelBan/MemberArn" -> () -> api.createChannelBan(r -> r.channelArn(arn).chimeBearer(bearer));
            case "ListChannels/AppInstanceArn" -> () -> api.listChannels(r -> r.chimeBearer(bearer));
            case "DescribeChannelMembershipForAppInstanceUser/AppInstanceUserArn" ->
                    () -> api.describeChannelMembershipForAppInstanceUser(r -> r.channelArn(arn).chimeBearer(bearer));
            case "DescribeChannelModeratedByAppInstanceUser/AppInstanceUserArn" ->
                    () -> api.describeChannelModeratedByAppInstanceUser(r -> r.channelArn(arn).chimeBearer(bearer));
            case "AssociateChannelFlow/ChannelFlowArn" -> () -> api.associateChannelFlow(r -> r.channelArn(arn)
                    .chimeBearer(bearer));
            default -> throw new IllegalArgumentException("the kit does not know how to call " + operation
                    + " without its " + member);
        };
        world.attempt(operation, actor, call);
    }

    /** ERR-012 for the developer APIs, which take no bearer. */
    @When("in {channel}, the developer calls {word} without its {word}")
    public void theDeveloperCallsWithoutItsMember(String channel, String operation, String member) {
        String arn = world.channel(channel);
        String appInstance = world.appInstanceArn();
        String token = UUID.randomUUID().toString();
        ChimeSdkMessagingClient api = world.messaging();
        Supplier<SdkResponse> call = switch (operation + "/" + member) {
            case "CreateChannelFlow/AppInstanceArn" -> () -> api.createChannelFlow(r -> r.name("incomplete")
                    .processors(flows.passThrough()).clientRequestToken(token));
            case "CreateChannelFlow/Processors" -> () -> api.createChannelFlow(r -> r.appInstanceArn(appInstance)
                    .name("incomplete").clientRequestToken(token));
            case "CreateChannelFlow/Name" -> () -> api.createChannelFlow(r -> r.appInstanceArn(appInstance)
                    .processors(flows.passThrough()).clientRequestToken(token));
            case "UpdateChannelFlow/Name" -> {
                String flow = aFlow();
                yield () -> api.updateChannelFlow(r -> r.channelFlowArn(flow).processors(flows.passThrough()));
            }
            case "UpdateChannelFlow/Processors" -> {
                String flow = aFlow();
                yield () -> api.updateChannelFlow(r -> r.channelFlowArn(flow).name("incomplete"));
            }
            case "ListChannelFlows/AppInstanceArn" -> () -> api.listChannelFlows(r -> { });
            case "ListChannelsAssociatedWithChannelFlow/ChannelFlowArn" ->
                    () -> api.listChannelsAssociatedWithChannelFlow(r -> { });
            case "ChannelFlowCallback/ChannelMessage" -> () -> api.channelFlowCallback(r -> r.channelArn(arn));
            case "TagResource/ResourceARN" -> () -> api.tagResource(r -> r.tags(Tag.builder().key("team")
                    .value("emea").build()));
            case "TagResource/Tags" -> () -> api.tagResource(r -> r.resourceARN(arn));
            case "UntagResource/ResourceARN" -> () -> api.untagResource(r -> r.tagKeys("team"));
            case "UntagResource/TagKeys" -> () -> api.untagResource(r -> r.resourceARN(arn));
            case "ListTagsForResource/ResourceARN" -> () -> api.listTagsForResource(r -> { });
            default -> throw new IllegalArgumentException("the kit does not know how to call " + operation
                    + " without its " + member);
        };
        world.attempt(operation, DEVELOPER, call);
    }

    // ---------------------------------------------------------------- what the error is

    @Then("the request fails with {error}, an exception the model lists for that operation")
    public void failsWithAModeledException(Class<? extends ChimeSdkMessagingException> expected) {
        Outcome outcome = world.outcome();
        assertThat(outcome + ", expected " + expected.getSimpleName(), outcome.failed(), is(true));
        assertThat(outcome.toString(), outcome.error(), instanceOf(expected));
        Set<String> modeled = modeledExceptions(outcome.operation());
        assertThat("the model's exceptions for " + outcome.operation(), modeled, not(empty()));
        assertThat("the model's exceptions for " + outcome.operation(), modeled,
                hasItem(outcome.error().getClass().getSimpleName()));
    }

    @Then("the error carries the HTTP status {int}")
    public void theErrorCarriesTheStatus(int status) {
        AwsServiceException error = failure();
        assertThat(error.getClass().getSimpleName() + " HTTP status", error.statusCode(), is(status));
    }

    @Then("the error names the exception {string}, carries a documented error code and a message")
    public void theErrorNamesTheException(String exception) {
        AwsServiceException error = failure();
        assertThat("error code", error.awsErrorDetails().errorCode(), is(exception));
        assertThat("error message", error.awsErrorDetails().errorMessage(), not(emptyOrNullString()));
        ErrorCode code = codeMember(error);
        assertThat("Code member", code, notNullValue());
        assertThat("Code member " + code, code == ErrorCode.UNKNOWN_TO_SDK_VERSION, is(false));
    }

    @Then("the batch lists a failure for the user who does not exist")
    public void theBatchListsAFailure() {
        String unknown = world.note(UNKNOWN_USER);
        List<BatchCreateChannelMembershipError> errors = world.outcome()
                .response(BatchCreateChannelMembershipResponse.class).errors();
        assertThat(errors.stream().map(BatchCreateChannelMembershipError::memberArn).toList(), hasItem(unknown));
    }

    @Then("every failure of the batch carries a documented error code and a message")
    public void everyFailureCarriesADocumentedCode() {
        List<BatchCreateChannelMembershipError> errors = world.outcome()
                .response(BatchCreateChannelMembershipResponse.class).errors();
        assertThat("failures of the batch", errors.isEmpty(), is(false));
        for (BatchCreateChannelMembershipError error : errors) {
            assertThat("ErrorCode of " + error.memberArn() + ": " + error.errorCodeAsString(),
                    error.errorCode() != null && error.errorCode() != ErrorCode.UNKNOWN_TO_SDK_VERSION, is(true));
            assertThat("ErrorMessage of " + error.memberArn(), error.errorMessage(), not(emptyOrNullString()));
        }
    }

    // ---------------------------------------------------------------- helpers

    private AwsServiceException failure() {
        Outcome outcome = world.outcome();
        assertThat(outcome + " was expected to fail", outcome.failed(), is(true));
        return outcome.error();
    }

    /** The modeled Code member every exception of the service carries (an ErrorCode value). */
    private static ErrorCode codeMember(AwsServiceException error) {
        try {
            return (ErrorCode) error.getClass().getMethod("code").invoke(error);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(error.getClass().getSimpleName() + " has no Code member", e);
        }
    }

    private String aFlow() {
        return flows.createFlow("complete");
    }
}
