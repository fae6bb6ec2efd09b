package chime.conformance.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method a fresh in-memory Amazon Chime SDK Messaging service (the kit's reference
 * implementation) and injects, as parameters of the test, of {@code @BeforeEach} and {@code @AfterEach}
 * methods:
 * <ul>
 *   <li>{@code ChimeSdkMessagingClient} and {@code ChimeSdkIdentityClient}: the service through the AWS SDK's
 *       own interfaces, filling missing idempotency tokens as the generated clients do;</li>
 *   <li>{@code ReferenceService}: the service itself (processor doubles, planned faults, its clock);</li>
 *   <li>{@code @ChimeEndpoint URI} (or {@code String}): the same service served over HTTP in restJson1 on a free
 *       loopback port, for code under test that builds its own SDK client with an endpoint override; this
 *       one needs {@code chime-conformance-reference-http} on the test class path.</li>
 * </ul>
 * Everything injected into one test method shares one service; the next test method gets another one. The
 * service (and the server, if one was asked for) is closed after the test.
 *
 * <pre>{@code
 * @ChimeFake(region = "eu-central-1")
 * class ChatTest {
 *     @Test
 *     void createsAChannel(ChimeSdkIdentityClient identity, ChimeSdkMessagingClient messaging) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ChimeFakeExtension.class)
public @interface ChimeFake {

    /** The region in the service's ARNs. */
    String region() default "us-east-1";

    /** The AWS account ID in the service's ARNs (12 digits). */
    String accountId() default "111122223333";
}
