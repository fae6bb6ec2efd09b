package chime.conformance.runner.faults;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Reads and replaces members of any request or response by their model name (e.g. {@code ChimeBearer},
 * {@code ChannelArn}), through the SDK's own field metadata, so that one fault can treat many operations
 * alike.
 */
public final class Members {

    private Members() {
    }

    public static boolean has(SdkPojo pojo, String member) {
        return field(pojo, member) != null;
    }

    /** The member's value, or null when the shape has no such member or it is not set. */
    public static Object get(SdkPojo pojo, String member) {
        SdkField<?> field = field(pojo, member);
        return field == null ? null : field.getValueOrDefault(pojo);
    }

    public static String text(SdkPojo pojo, String member) {
        Object value = get(pojo, member);
        return value == null ? null : value.toString();
    }

    /** A copy of the request with the member replaced. */
    @SuppressWarnings("unchecked")
    public static <T extends SdkRequest> T with(T request, String member, Object value) {
        SdkRequest.Builder builder = request.toBuilder();
        set(request, builder, member, value);
        return (T) builder.build();
    }

    /** A copy of the response with the member replaced (the HTTP status and headers are kept). */
    @SuppressWarnings("unchecked")
    public static <T extends SdkResponse> T with(T response, String member, Object value) {
        SdkResponse.Builder builder = response.toBuilder();
        set(response, builder, member, value);
        return (T) builder.build();
    }

    private static void set(SdkPojo shape, Object builder, String member, Object value) {
        SdkField<?> field = field(shape, member);
        if (field == null) {
            throw new IllegalArgumentException(shape.getClass().getSimpleName() + " has no member " + member);
        }
        field.set(builder, value);
    }

    private static SdkField<?> field(SdkPojo pojo, String member) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.memberName().equals(member)) {
                return field;
            }
        }
        return null;
    }
}
