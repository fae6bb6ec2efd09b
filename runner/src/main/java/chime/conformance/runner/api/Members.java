package chime.conformance.runner.api;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * Reads and replaces members of any request, response or builder by their model name (e.g.
 * {@code ChimeBearer}, {@code ChannelArn}), through the SDK's own field metadata ({@code sdkFields()}), so
 * that one piece of code treats every operation alike.
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

    /** Sets a member on a builder (which is its own {@link SdkPojo}); null leaves it out. */
    public static <B extends SdkPojo> B set(B builder, String member, Object value) {
        set(builder, builder, member, value);
        return builder;
    }

    /** The one list a list operation's response holds (its items), as the model orders them. */
    public static List<?> items(SdkResponse response) {
        SdkField<?> field = response.sdkFields().stream().filter(f -> f.marshallingType() == MarshallingType.LIST)
                .findFirst().orElseThrow(() -> new IllegalStateException(response.getClass().getSimpleName()
                        + " holds no list"));
        List<?> items = (List<?>) field.getValueOrDefault(response);
        return items == null ? List.of() : items;
    }

    /** The name of the member that holds a response's items. */
    public static String itemsMember(SdkResponse response) {
        return response.sdkFields().stream().filter(f -> f.marshallingType() == MarshallingType.LIST)
                .map(SdkField::memberName).findFirst().orElseThrow();
    }

    /**
     * What identifies an item of a list: its first member named {@code ...Arn} or {@code ...Id}, looked
     * for depth first (a ban's {@code Member.Arn}, a message's {@code MessageId}, a membership of a user's
     * {@code ChannelSummary.ChannelArn}).
     */
    public static String id(Object item) {
        if (!(item instanceof SdkPojo pojo)) {
            return null;
        }
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            String name = field.memberName();
            if (value instanceof String text && (name.endsWith("Arn") || name.endsWith("Id"))) {
                return text;
            }
            String nested = id(value);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static void set(SdkPojo shape, Object builder, String member, Object value) {
        SdkField<?> field = field(shape, member);
        if (field == null) {
            throw new IllegalArgumentException(shape.getClass().getSimpleName() + " has no member " + member);
        }
        field.set(builder, value instanceof Enum<?> known ? known.toString() : value);
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
