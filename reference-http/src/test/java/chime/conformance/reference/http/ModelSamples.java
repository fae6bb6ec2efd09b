package chime.conformance.reference.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Requests and responses with every member of the model set, made from the model's field metadata, so a
 * round trip through the wire exercises every member of every operation. Values are chosen to be hard for
 * the wire: ARNs with ':' and '/', text with spaces, '+', '&', '=', '%' and non-ASCII letters.
 */
final class ModelSamples {

    /** Millisecond precision: what restJson1's epoch-seconds timestamps carry. */
    static final Instant WHEN = Instant.parse("2024-02-03T04:05:06.789Z");

    private ModelSamples() {
    }

    static Object full(Class<?> type) {
        try {
            SdkPojo builder = (SdkPojo) type.getMethod("builder").invoke(null);
            fill(builder, 0);
            return ((SdkBuilder<?, ?>) builder).build();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fill(SdkPojo builder, int depth) {
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = sample(field, depth);
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    private static Object sample(SdkField<?> field, int depth) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return text(field);
        }
        if (type == MarshallingType.INTEGER) {
            return 7;
        }
        if (type == MarshallingType.LONG) {
            return 7L;
        }
        if (type == MarshallingType.BOOLEAN) {
            return Boolean.TRUE;
        }
        if (type == MarshallingType.INSTANT) {
            return WHEN;
        }
        if (type == MarshallingType.DOUBLE) {
            return 1.5d;
        }
        if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromUtf8String("bytes");
        }
        if (type == MarshallingType.SDK_POJO) {
            if (depth > 6) {
                return null;
            }
            SdkPojo nested = field.constructor().get();
            fill(nested, depth + 1);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            Object one = sample(member, depth + 1);
            return one == null ? null : List.of(one, one);
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Object one = sample(value, depth + 1);
            if (one == null) {
                return null;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key one", one);
            map.put("ключ", one);
            return map;
        }
        throw new IllegalStateException("no sample for " + field.memberName() + " of type " + type);
    }

    private static String text(SdkField<?> field) {
        String name = field.memberName();
        if (field.location() == MarshallLocation.HEADER) {
            // Header values are ASCII on the wire.
            return "arn:aws:chime:us-east-1:111122223333:app-instance/ai-1/user/" + name;
        }
        if (field.location() == MarshallLocation.PATH) {
            return "arn:aws:chime:us-east-1:111122223333:app-instance/ai-1/channel/" + name + " é+&=%?#;";
        }
        if (field.location() == MarshallLocation.QUERY_PARAM) {
            return name + " é+&=%?#;/:";
        }
        return name + " \"é\" \\ + & = % \u2603 \n";
    }
}
