package chime.conformance.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.chimesdkidentity.model.ChimeSdkIdentityException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ResourceLimitExceededException;

class ModeledErrorTest {

    /** The modeled exceptions the SDK's client interface declares, over all its operations. */
    private static Set<String> declared(Service service) {
        Set<String> shapes = new TreeSet<>();
        for (Method m : service.clientInterface().getMethods()) {
            for (Class<?> thrown : m.getExceptionTypes()) {
                if (service.serviceException().isAssignableFrom(thrown) && thrown != service.serviceException()) {
                    shapes.add(thrown.getSimpleName());
                }
            }
        }
        return shapes;
    }

    @Test
    void theCatalogueHasExactlyTheExceptionsTheSdkModelsForEachService() {
        Set<String> catalogue = Arrays.stream(ModeledError.values()).map(ModeledError::shape)
                .collect(Collectors.toCollection(TreeSet::new));
        for (Service service : Service.values()) {
            assertThat(service.name(), declared(service), equalTo(catalogue));
        }
    }

    @Test
    void everyCodeIsAnErrorCodeOfBothModels() {
        for (ModeledError e : ModeledError.values()) {
            assertThat(e.code(), ErrorCode.fromValue(e.code()) != ErrorCode.UNKNOWN_TO_SDK_VERSION, is(true));
            assertThat(e.code(), software.amazon.awssdk.services.chimesdkidentity.model.ErrorCode.fromValue(e.code())
                    != software.amazon.awssdk.services.chimesdkidentity.model.ErrorCode.UNKNOWN_TO_SDK_VERSION, is(true));
        }
    }

    @Test
    void anExceptionCarriesWhatAClientParsesFromTheWire() {
        for (Service service : Service.values()) {
            for (ModeledError e : ModeledError.values()) {
                AwsServiceException thrown = e.exception(service, "why");
                assertThat(thrown, instanceOf(service.serviceException()));
                assertThat(thrown.getClass(), equalTo(e.exceptionClass(service)));
                assertThat(thrown.statusCode(), is(e.status()));
                assertThat(thrown.awsErrorDetails().errorCode(), is(e.shape()));
                assertThat(thrown.awsErrorDetails().errorMessage(), is("why"));
                assertThat(thrown.awsErrorDetails().serviceName(), is(service.serviceName()));
                assertThat(ModeledError.of(thrown).orElseThrow(), is(e));
                assertThat(e.is(thrown), is(true));
            }
        }
        ResourceLimitExceededException limit = (ResourceLimitExceededException) ModeledError.RESOURCE_LIMIT_EXCEEDED
                .exception(Service.MESSAGING, "too many");
        assertThat(limit.code(), is(ErrorCode.RESOURCE_LIMIT_EXCEEDED));
        assertThat(ModeledError.RESOURCE_LIMIT_EXCEEDED.exception(Service.IDENTITY, "x"),
                instanceOf(ChimeSdkIdentityException.class));
        assertThat(ModeledError.BAD_REQUEST.exception(Service.MESSAGING, "x"), instanceOf(ChimeSdkMessagingException.class));
    }

    @Test
    void onlyTheModeledClassesAreInTheCatalogue() {
        assertThat(ModeledError.of(ChimeSdkMessagingException.builder().message("x").build()).isPresent(), is(false));
        assertThat(ModeledError.of(new IllegalStateException()).isPresent(), is(false));
    }
}
