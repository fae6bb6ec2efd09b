package chime.conformance.reference;

import chime.conformance.contract.Operation;
import chime.conformance.contract.Operations;
import chime.conformance.reference.sdk.ReferenceMessagingClient;
import java.util.Arrays;
import software.amazon.awssdk.core.SdkRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** The reference implements exactly the documented API: 43 operations, and not the 4 the doc omits. */
class OperationCoverageTest {

    /** The 43 operations of the documentation (chime-sdk-messaging-api.txt), from the kit's one operation list. */
    static final List<String> DOCUMENTED = Operations.documented();

    /** In the SDK's model but not in the documentation: left unsupported. */
    static final List<String> UNDOCUMENTED = Arrays.stream(ChimeSdkMessagingClient.class.getMethods())
            .filter(m -> m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0]))
            .map(m -> Operation.nameOf(m.getParameterTypes()[0]))
            .filter(name -> !Operations.isDocumented(name))
            .distinct().sorted().toList();

    private static final String MODEL = "software.amazon.awssdk.services.chimesdkmessaging.model.";

    private static Method operation(Class<?> type, String name) throws ReflectiveOperationException {
        Class<?> request = Class.forName(MODEL + name + "Request");
        return type.getMethod(Character.toLowerCase(name.charAt(0)) + name.substring(1), request);
    }

    private static Object emptyRequest(String name) throws ReflectiveOperationException {
        Object builder = Class.forName(MODEL + name + "Request").getMethod("builder").invoke(null);
        return ((SdkBuilder<?, ?>) builder).build();
    }

    @Test
    void everyDocumentedOperationIsOverridden() throws ReflectiveOperationException {
        assertThat(DOCUMENTED, hasSize(43));
        for (String name : DOCUMENTED) {
            Method method = operation(ReferenceMessagingClient.class, name);
            assertThat(name, method.getDeclaringClass(), equalTo(ReferenceMessagingClient.class));
        }
    }

    @Test
    void undocumentedOperationsKeepTheSdkDefault() throws ReflectiveOperationException {
        for (String name : UNDOCUMENTED) {
            assertThat(name, operation(ReferenceMessagingClient.class, name).getDeclaringClass(),
                    equalTo(ChimeSdkMessagingClient.class));
        }
    }

    @Test
    void noDocumentedOperationIsUnsupported() throws ReflectiveOperationException {
        try (ReferenceService service = ReferenceService.create()) {
            ChimeSdkMessagingClient client = service.messagingClient();
            for (String name : DOCUMENTED) {
                Method method = operation(ChimeSdkMessagingClient.class, name);
                try {
                    method.invoke(client, emptyRequest(name));
                } catch (InvocationTargetException e) {
                    // An empty request is mostly invalid: a modeled exception is fine, "unsupported" is not.
                    assertThat(name, e.getCause(), instanceOf(ChimeSdkMessagingException.class));
                }
            }
            for (String name : UNDOCUMENTED) {
                Method method = operation(ChimeSdkMessagingClient.class, name);
                var thrown = assertThrows(InvocationTargetException.class, () -> method.invoke(client, emptyRequest(name)));
                assertThat(name, thrown.getCause(), instanceOf(UnsupportedOperationException.class));
            }
            assertThat(client.serviceName(), equalTo(ChimeSdkMessagingClient.SERVICE_NAME));
        } catch (RuntimeException e) {
            fail(e);
        }
    }
}
