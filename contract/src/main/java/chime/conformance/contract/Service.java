package chime.conformance.contract;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkidentity.model.ChimeSdkIdentityException;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;

/**
 * The two AWS services the kit speaks, as the SDK models them: the messaging API under test, and the
 * identity API that fixtures need. AWS serves them on two hosts ({@code messaging-chime} and
 * {@code identity-chime}); their paths do not collide for the operations the kit uses.
 */
public enum Service {
    MESSAGING(ChimeSdkMessagingClient.class, ChimeSdkMessagingException.class, "ChimeSDKMessaging"),
    IDENTITY(ChimeSdkIdentityClient.class, ChimeSdkIdentityException.class, "ChimeSDKIdentity");

    private final Class<?> clientInterface;
    private final Class<? extends AwsServiceException> serviceException;
    private final String serviceName;

    Service(Class<?> clientInterface, Class<? extends AwsServiceException> serviceException, String serviceName) {
        this.clientInterface = clientInterface;
        this.serviceException = serviceException;
        this.serviceName = serviceName;
    }

    /** The SDK client interface whose methods are this service's operations. */
    public Class<?> clientInterface() {
        return clientInterface;
    }

    /** The service's base exception, which every modeled exception of the service extends. */
    public Class<? extends AwsServiceException> serviceException() {
        return serviceException;
    }

    /** The service name an SDK client reports in {@code AwsErrorDetails}. */
    public String serviceName() {
        return serviceName;
    }

    /** The SDK package holding this service's request, response and exception classes. */
    public String modelPackage() {
        return serviceException.getPackageName();
    }

    /** The SDK class of a shape of this service's model, e.g. {@code CreateChannelRequest}. */
    public Class<?> shape(String shapeName) {
        try {
            return Class.forName(modelPackage() + "." + shapeName, false, clientInterface.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(this + " models no shape " + shapeName, e);
        }
    }

    /** The service whose model holds {@code type}, if any. */
    public static java.util.Optional<Service> owning(Class<?> type) {
        for (Service s : values()) {
            if (s.modelPackage().equals(type.getPackageName())) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** The request class of one of this service's operations. */
    @SuppressWarnings("unchecked")
    public Class<? extends SdkRequest> requestClass(String operation) {
        Class<?> type = shape(operation + "Request");
        if (!SdkRequest.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a request");
        }
        return (Class<? extends SdkRequest>) type;
    }
}
