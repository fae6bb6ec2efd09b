package chime.conformance.runner.faults;

import chime.conformance.contract.ModeledError;
import chime.conformance.contract.Service;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.api.Operation;
import chime.conformance.runner.target.ProcessorProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/**
 * What a fault can use besides the request it intercepts: the correct service underneath (to look things
 * up, or to do what the faulty service does on its own), an AppInstanceAdmin of its own in each
 * AppInstance (to carry out what the correct service would refuse the caller), and the service's errors.
 */
public final class FaultContext {

    private static final Pattern APP_INSTANCE = Pattern.compile("^(arn:[^:]+:chime:[^:]*:[^:]*:app-instance/[^/]+)");
    private static final String OPERATOR_ID = "emulator-operator";

    private final ChimeSdkMessagingClient service;
    private final ChimeSdkIdentityClient identity;
    private final Map<String, String> operators = new ConcurrentHashMap<>();
    private final ProcessorProbe invocations;

    public FaultContext(ChimeSdkMessagingClient service, ChimeSdkIdentityClient identity) {
        this(service, identity, null);
    }

    /** @param invocations what the target shows of its processors' invocations, or null if nothing */
    public FaultContext(ChimeSdkMessagingClient service, ChimeSdkIdentityClient identity, ProcessorProbe invocations) {
        this.service = service;
        this.identity = identity;
        this.invocations = invocations;
    }

    /**
     * The message a callback ID was issued for, among the invocations of the processors of the channel's flow
     * (as the correct service describes them), or empty when the target cannot show invocations.
     */
    public Optional<String> messageOfCallback(String channelArn, String callbackId) {
        if (invocations == null || callbackId == null) {
            return Optional.empty();
        }
        Optional<String> flow = channel(channelArn).map(Channel::channelFlowArn);
        if (flow.isEmpty()) {
            return Optional.empty();
        }
        for (var processor : service.describeChannelFlow(r -> r.channelFlowArn(flow.get())).channelFlow().processors()) {
            for (ProcessorProbe.Invocation i : invocations.invocations(processor.configuration().lambda().resourceArn(),
                    channelArn)) {
                if (callbackId.equals(i.callbackId())) {
                    return Optional.of(i.messageId());
                }
            }
        }
        return Optional.empty();
    }

    /** The correct service, without any fault. */
    public ChimeSdkMessagingClient service() {
        return service;
    }

    /** The AppInstance an AppInstance, user, channel or channel-flow ARN belongs to. */
    public static Optional<String> appInstanceOf(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = APP_INSTANCE.matcher(arn);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The bearer of an AppInstanceAdmin of the AppInstance that {@code arn} belongs to, created on first
     * use: the faulty service uses it to do what it should have refused.
     */
    public String operator(String arn) {
        String appInstance = appInstanceOf(arn).orElseThrow(
                () -> new IllegalStateException("not an ARN inside an AppInstance: " + arn));
        return operators.computeIfAbsent(appInstance, a -> {
            String user = identity.createAppInstanceUser(r -> r.appInstanceArn(a).appInstanceUserId(OPERATOR_ID)
                    .name("Operator").clientRequestToken(java.util.UUID.randomUUID().toString())).appInstanceUserArn();
            identity.createAppInstanceAdmin(r -> r.appInstanceArn(a).appInstanceAdminArn(user));
            return user;
        });
    }

    /** The channel as the correct service describes it, or empty if it is gone. */
    public Optional<Channel> channel(String channelArn) {
        return lookUp(() -> service.describeChannel(r -> r.channelArn(channelArn).chimeBearer(operator(channelArn))).channel());
    }

    /** The message as the correct service holds it (read by an administrator), or empty. */
    public Optional<ChannelMessage> message(String channelArn, String messageId) {
        return lookUp(() -> service.getChannelMessage(r -> r.channelArn(channelArn).messageId(messageId)
                .chimeBearer(operator(channelArn))).channelMessage());
    }

    /** Every item of a list operation, through all its pages, as the correct service answers {@code request}. */
    public List<Object> everything(SdkRequest request) {
        Operation operation = Operation.of(request);
        List<Object> all = new ArrayList<>();
        String token = null;
        do {
            SdkResponse page = operation.invoke(service, Members.with(request, "NextToken", token));
            all.addAll(Members.items(page));
            token = Members.text(page, "NextToken");
        } while (token != null);
        return all;
    }

    /** Whether {@code userArn} names an existing AppInstanceUser. */
    public boolean userExists(String userArn) {
        return answers(() -> identity.describeAppInstanceUser(r -> r.appInstanceUserArn(userArn)));
    }

    /** Whether {@code userArn} is an AppInstanceAdmin of its AppInstance. */
    public boolean isAdmin(String userArn) {
        Optional<String> appInstance = appInstanceOf(userArn);
        if (appInstance.isEmpty()) {
            return false;
        }
        return answers(() -> identity.describeAppInstanceAdmin(r -> r.appInstanceArn(appInstance.get()).appInstanceAdminArn(userArn)));
    }

    public boolean isModerator(String channelArn, String userArn) {
        return answers(() -> service.describeChannelModerator(r -> r.channelArn(channelArn).channelModeratorArn(userArn)
                .chimeBearer(operator(channelArn))));
    }

    public boolean isMember(String channelArn, String userArn) {
        return membership(channelArn, userArn).isPresent();
    }

    /** The user's membership of the channel as the correct service holds it, or empty. */
    public Optional<ChannelMembership> membership(String channelArn, String userArn) {
        return lookUp(() -> service.describeChannelMembership(r -> r.channelArn(channelArn).memberArn(userArn)
                .chimeBearer(operator(channelArn))).channelMembership());
    }

    public boolean isBanned(String channelArn, String userArn) {
        return answers(() -> service.describeChannelBan(r -> r.channelArn(channelArn).memberArn(userArn)
                .chimeBearer(operator(channelArn))));
    }

    /** What the correct service answers, or empty where it answers an error of the messaging API. */
    static <T> Optional<T> lookUp(java.util.function.Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (ChimeSdkMessagingException e) {
            return Optional.empty();
        }
    }

    /** Whether the call is answered without an error (a describe of something that exists). */
    private static boolean answers(Runnable describe) {
        try {
            describe.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The modeled exception the service raises for {@code type}, as the error catalogue builds it. */
    public static ChimeSdkMessagingException error(ModeledError type, String message) {
        return (ChimeSdkMessagingException) type.exception(Service.MESSAGING, message);
    }

    public static boolean is(Throwable e, ModeledError type) {
        return e instanceof ChimeSdkMessagingException m && m.statusCode() == type.status()
                && m.awsErrorDetails() != null && type.shape().equals(m.awsErrorDetails().errorCode());
    }

    /** The HTTP part of a response the faulty service makes up itself. */
    public static SdkHttpResponse http(int status) {
        return SdkHttpResponse.builder().statusCode(status).build();
    }
}
