package chime.conformance.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code URI} or {@code String} parameter of a {@link ChimeFake} test that receives the endpoint of the
 * test's service served over HTTP (AWS restJson1), e.g. {@code http://127.0.0.1:41234}: pass it to an SDK
 * client builder's {@code endpointOverride}. The server listens on the loopback interface, on a free port, and
 * stops after the test. Needs {@code chime-conformance-reference-http} on the test class path.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChimeEndpoint {
}
