package chime.conformance.reference.http;

import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * The two AWS services the server speaks. AWS serves them on two hosts ({@code messaging-chime} and
 * {@code identity-chime}); their paths do not collide for the operations served here, so one port serves
 * both and an SDK client with an endpoint override can point either service at it.
 */
public enum Api {
    MESSAGING(ChimeSdkMessagingClient.class, "software.amazon.awssdk.services.chimesdkmessaging.model"),
    IDENTITY(ChimeSdkIdentityClient.class, "software.amazon.awssdk.services.chimesdkidentity.model");

    private final Class<?> clientInterface;
    private final String modelPackage;

    Api(Class<?> clientInterface, String modelPackage) {
        this.clientInterface = clientInterface;
        this.modelPackage = modelPackage;
    }

    /** The SDK client interface whose methods implement this API's operations. */
    public Class<?> clientInterface() {
        return clientInterface;
    }

    /** The SDK package holding this API's request, response and exception classes. */
    public String modelPackage() {
        return modelPackage;
    }
}
