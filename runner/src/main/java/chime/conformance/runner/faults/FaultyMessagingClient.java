package chime.conformance.runner.faults;

import chime.conformance.runner.api.Intercepted;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/** A {@link ChimeSdkMessagingClient} that passes every operation through an {@link Interceptor} ({@link Intercepted}). */
public final class FaultyMessagingClient {

    private FaultyMessagingClient() {
    }

    public static ChimeSdkMessagingClient wrap(ChimeSdkMessagingClient underneath, Interceptor interceptor) {
        return Intercepted.client(underneath, "faulty", (request, next) -> interceptor.intercept(request, next::send));
    }
}
