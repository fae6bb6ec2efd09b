package chime.conformance.reference.http;

import chime.conformance.reference.http.JsonReader.JsonNumber;
import chime.conformance.reference.http.JsonReader.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.DateUtils;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The one binding mechanism of the server, both ways, driven by the SDK model's field metadata
 * ({@code sdkFields()}: location, wire name, marshalling type) as restJson1 defines it:
 * <ul>
 * <li>PATH members from the route's labels, QUERY_PARAM members from the query string, HEADER members from
 *     headers (case-insensitive, HTTP-008), PAYLOAD members from the keys of the JSON body object;</li>
 * <li>timestamps: ISO-8601 in the query string (HTTP-007), RFC 822 in headers, epoch seconds as JSON
 *     numbers in bodies, unless a member's timestampFormat trait says otherwise;</li>
 * <li>JSON types are strict (a string where a number is expected is a BadRequest), unknown JSON members
 *     are ignored (the SDK and clients may be newer than the documentation), absent and null are the
 *     same;</li>
 * <li>responses: PAYLOAD members as a JSON object, nulls omitted, enums as their string values,
 *     timestamps in the SDK's own epoch-seconds format (milliseconds as the fraction).</li>
 * </ul>
 */
public final class RestJsonCodec {

    private RestJsonCodec() {
    }

    // ---------------------------------------------------------------------------------------- requests

    /**
     * Builds the operation's request from the parts of an HTTP request. Every mismatch with the model is a
     * {@link WireError} BadRequest naming the member and what was wrong.
     */
    public static SdkRequest bindRequest(OperationBinding operation, Map<String, String> labels,
                                         Map<String, List<String>> query, Function<String, List<String>> headers,
                                         byte[] body) {
        SdkPojo builder = operation.newRequestBuilder();
        JsonObject payload = operation.hasPayload() ? parseBody(body) : null;
        for (SdkField<?> field : operation.fields()) {
            Object value = switch (field.location()) {
                case PATH, GREEDY_PATH -> fromPath(field, labels.get(field.locationName()));
                case QUERY_PARAM -> fromQuery(field, query.get(field.locationName()));
                case HEADER -> fromHeader(field, headers.apply(field.locationName()));
                case PAYLOAD -> payload == null ? null
                        : fromJson(field, payload.get(field.locationName()), field.locationName());
                default -> null;
            };
            if (value != null) {
                field.set(builder, value);
            }
        }
        return (SdkRequest) ((SdkBuilder<?, ?>) builder).build();
    }

    /** The request body as a JSON object; an empty body is an empty object. */
    static JsonObject parseBody(byte[] body) {
        if (body == null || body.length == 0) {
            return new JsonObject();
        }
        requireUtf8(body);
        return JsonReader.readObject(body);
    }

    /**
     * JSON text on the wire is UTF-8 (RFC 8259): UTF-8-encoded surrogates (ED A0 80) and every other malformed
     * sequence are refused before the text is read as JSON, which then decodes strings from it as they are.
     */
    private static void requireUtf8(byte[] body) {
        if (!WireText.isUtf8(body, 0, body.length)) {
            throw WireError.badRequest("The request body is not valid JSON: it is not valid UTF-8");
        }
    }

    private static Object fromPath(SdkField<?> field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw WireError.badRequest("The path parameter " + field.locationName() + " is empty");
        }
        return fromText(field, value, "The path parameter ", field.locationName(), TimestampFormatTrait.Format.ISO_8601);
    }

    private static Object fromQuery(SdkField<?> field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String name = field.locationName();
        if (field.marshallingType() == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            for (String v : values) {
                out.add(fromText(member, v, "The query parameter ", name, TimestampFormatTrait.Format.ISO_8601));
            }
            return out;
        }
        if (values.size() > 1) {
            throw WireError.badRequest("The query parameter " + name + " is given " + values.size()
                    + " times; it takes one value");
        }
        return fromText(field, values.get(0), "The query parameter ", name, TimestampFormatTrait.Format.ISO_8601);
    }

    private static Object fromHeader(SdkField<?> field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw WireError.badRequest("The header " + field.locationName() + " is sent " + values.size()
                    + " times; it takes one value");
        }
        return fromText(field, values.get(0), "The header ", field.locationName(), TimestampFormatTrait.Format.RFC_822);
    }

    /**
     * A scalar member carried as text (path, query string, header). Every string value the server binds, from
     * text here or from JSON below, passes {@link WireText#requireUnicode}: a lone surrogate is refused
     * wherever it travels. Where it travels ({@code kind} and {@code name}, e.g. "The header " and its name) is put
     * into words only for an error.
     */
    private static Object fromText(SdkField<?> field, String text, String kind, String name,
                                   TimestampFormatTrait.Format defaultFormat) {
        MarshallingType<?> type = field.marshallingType();
        try {
            if (type == MarshallingType.STRING) {
                return WireText.requireUnicode(text, kind, name);
            }
            if (type == MarshallingType.INTEGER) {
                return Integer.valueOf(text.trim());
            }
            if (type == MarshallingType.LONG) {
                return Long.valueOf(text.trim());
            }
            if (type == MarshallingType.SHORT) {
                return Short.valueOf(text.trim());
            }
            if (type == MarshallingType.DOUBLE) {
                return Double.valueOf(text.trim());
            }
            if (type == MarshallingType.FLOAT) {
                return Float.valueOf(text.trim());
            }
            if (type == MarshallingType.BOOLEAN) {
                if ("true".equals(text) || "false".equals(text)) {
                    return Boolean.valueOf(text);
                }
                throw WireError.badRequest(kind + name + " must be true or false");
            }
            if (type == MarshallingType.INSTANT) {
                return parseTimestamp(text, formatOf(field, defaultFormat));
            }
        } catch (NumberFormatException e) {
            throw WireError.badRequest(kind + name + " must be " + expected(type) + ", got '" + abbreviate(text)
                    + "'");
        } catch (DateTimeException | ArithmeticException e) {
            throw WireError.badRequest(kind + name + " must be " + timestampWords(formatOf(field, defaultFormat))
                    + ", got '" + abbreviate(text) + "'");
        }
        throw new IllegalStateException("member " + field.memberName() + " of type " + type
                + " cannot travel in " + kind.toLowerCase(java.util.Locale.ROOT) + name);
    }

    /** A member from its JSON value; {@code where} is the member's path in the body, for messages. */
    private static Object fromJson(SdkField<?> field, Object node, String where) {
        if (node == null || node == JsonReader.NULL) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            require(node instanceof String, node, where, type);
            return WireText.requireUnicode((String) node, "The member ", where);
        }
        if (type == MarshallingType.INTEGER) {
            require(node instanceof JsonNumber n && n.isIntegerIn(Integer.MIN_VALUE, Integer.MAX_VALUE), node, where, type);
            return (int) ((JsonNumber) node).longValue();
        }
        if (type == MarshallingType.LONG) {
            require(node instanceof JsonNumber n && n.isIntegerIn(Long.MIN_VALUE, Long.MAX_VALUE), node, where, type);
            return ((JsonNumber) node).longValue();
        }
        if (type == MarshallingType.SHORT) {
            require(node instanceof JsonNumber n && n.isIntegerIn(Short.MIN_VALUE, Short.MAX_VALUE), node, where, type);
            return (short) ((JsonNumber) node).longValue();
        }
        if (type == MarshallingType.DOUBLE) {
            require(node instanceof JsonNumber, node, where, type);
            return ((JsonNumber) node).doubleValue();
        }
        if (type == MarshallingType.FLOAT) {
            require(node instanceof JsonNumber, node, where, type);
            return (float) ((JsonNumber) node).doubleValue();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            require(node instanceof JsonNumber, node, where, type);
            try {
                return ((JsonNumber) node).decimalValue();
            } catch (NumberFormatException e) {
                throw WireError.badRequest("The member " + where + " must be a number within the range of a double");
            }
        }
        if (type == MarshallingType.BOOLEAN) {
            require(node instanceof Boolean, node, where, type);
            return node;
        }
        if (type == MarshallingType.INSTANT) {
            TimestampFormatTrait.Format format = formatOf(field, TimestampFormatTrait.Format.UNIX_TIMESTAMP);
            boolean numeric = format == TimestampFormatTrait.Format.UNIX_TIMESTAMP
                    || format == TimestampFormatTrait.Format.UNIX_TIMESTAMP_MILLIS;
            require(numeric ? node instanceof JsonNumber : node instanceof String, node, where, type);
            try {
                return numeric ? epochToInstant(((JsonNumber) node).decimalValue(), format)
                        : parseTimestamp((String) node, format);
            } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
                throw WireError.badRequest("The member " + where + " must be " + timestampWords(format));
            }
        }
        if (type == MarshallingType.SDK_BYTES) {
            require(node instanceof String, node, where, type);
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode((String) node));
            } catch (IllegalArgumentException e) {
                throw WireError.badRequest("The member " + where + " must be base64");
            }
        }
        if (type == MarshallingType.SDK_POJO) {
            require(node instanceof JsonObject, node, where, type);
            JsonObject object = (JsonObject) node;
            SdkPojo builder = field.constructor().get();
            for (SdkField<?> member : builder.sdkFields()) {
                Object value = fromJson(member, object.get(member.locationName()), where + "." + member.locationName());
                if (value != null) {
                    member.set(builder, value);
                }
            }
            return ((SdkBuilder<?, ?>) builder).build();
        }
        if (type == MarshallingType.LIST) {
            require(node instanceof List, node, where, type);
            List<?> items = (List<?>) node;
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (item == JsonReader.NULL) {
                    throw WireError.badRequest("The member " + where + "[" + i + "] is null; lists take no nulls");
                }
                out.add(fromJson(member, item, where + "[" + i + "]"));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            require(node instanceof JsonObject, node, where, type);
            JsonObject object = (JsonObject) node;
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < object.size(); i++) {
                String key = object.name(i);
                if (object.value(i) == JsonReader.NULL) {
                    throw WireError.badRequest("The member " + where + "." + key + " is null; maps take no nulls");
                }
                WireText.requireUnicode(key, "A key of the member ", where);
                out.put(key, fromJson(value, object.value(i), where + "." + key));
            }
            return out;
        }
        throw new IllegalStateException("member " + field.memberName() + " has marshalling type " + type
                + ", which the server does not bind");
    }

    private static void require(boolean ok, Object node, String where, MarshallingType<?> type) {
        if (ok) {
            return;
        }
        if (node instanceof JsonNumber n && n.integral() && (type == MarshallingType.INTEGER
                || type == MarshallingType.SHORT || type == MarshallingType.LONG)) {
            // An integer, just not one that fits: say which range it must be in.
            long min = type == MarshallingType.SHORT ? Short.MIN_VALUE
                    : type == MarshallingType.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long max = type == MarshallingType.SHORT ? Short.MAX_VALUE
                    : type == MarshallingType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
            throw WireError.badRequest("The member " + where + " must be an integer from " + min + " to " + max
                    + ", not " + abbreviate(n.bigInteger().toString()));
        }
        throw WireError.badRequest("The member " + where + " must be " + expected(type) + ", not "
                + JsonReader.describe(node));
    }

    private static String expected(MarshallingType<?> type) {
        if (type == MarshallingType.STRING) {
            return "a string";
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.SHORT) {
            return "an integer (32-bit)";
        }
        if (type == MarshallingType.LONG) {
            return "an integer (64-bit)";
        }
        if (type == MarshallingType.BOOLEAN) {
            return "a boolean";
        }
        if (type == MarshallingType.INSTANT) {
            return "a timestamp (epoch seconds as a number)";
        }
        if (type == MarshallingType.SDK_BYTES) {
            return "a base64 string";
        }
        if (type == MarshallingType.SDK_POJO || type == MarshallingType.MAP) {
            return "an object";
        }
        if (type == MarshallingType.LIST) {
            return "an array";
        }
        return "a number";
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }

    private static TimestampFormatTrait.Format formatOf(SdkField<?> field, TimestampFormatTrait.Format fallback) {
        TimestampFormatTrait trait = field.getTrait(TimestampFormatTrait.class);
        return trait == null ? fallback : trait.format();
    }

    private static String timestampWords(TimestampFormatTrait.Format format) {
        return switch (format) {
            case ISO_8601 -> "an ISO-8601 timestamp such as 2024-01-31T12:00:00Z";
            case RFC_822 -> "an RFC 822 date";
            case UNIX_TIMESTAMP -> "a timestamp in epoch seconds";
            case UNIX_TIMESTAMP_MILLIS -> "a timestamp in epoch milliseconds";
        };
    }

    private static Instant parseTimestamp(String text, TimestampFormatTrait.Format format) {
        return switch (format) {
            case ISO_8601 -> DateUtils.parseIso8601Date(text.trim());
            case RFC_822 -> DateUtils.parseRfc822Date(text.trim());
            case UNIX_TIMESTAMP -> epochToInstant(new BigDecimal(text.trim()), format);
            case UNIX_TIMESTAMP_MILLIS -> epochToInstant(new BigDecimal(text.trim()), format);
        };
    }

    /** Epoch seconds (or milliseconds) to an Instant, refusing magnitudes no timestamp has before scaling. */
    private static Instant epochToInstant(BigDecimal value, TimestampFormatTrait.Format format) {
        BigDecimal seconds = format == TimestampFormatTrait.Format.UNIX_TIMESTAMP_MILLIS
                ? value.movePointLeft(3) : value;
        if (seconds.precision() - seconds.scale() > 12) {
            throw new ArithmeticException("out of range");
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.DOWN).intValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    // --------------------------------------------------------------------------------------- responses

    /**
     * The response of an operation on the wire, with the route's success status. An operation whose model
     * has no output members answers with an empty body (204s always do, HTTP-002; AssociateChannelFlow's
     * 200 too, HTTP-003).
     */
    public static WireReply writeResponse(Route route, SdkResponse response) {
        return writeResponse(route, response, null);
    }

    /** As {@link #writeResponse(Route, SdkResponse)}, with the request id header when {@code requestId} is given. */
    static WireReply writeResponse(Route route, SdkResponse response, String requestId) {
        Shape shape = Shape.of(response);
        Map<String, String> headers = new WireReply.Fresh();
        for (Member member : shape.headers) {
            Object value = member.valueOf(response);
            if (value != null) {
                headers.put(member.field.locationName(), toHeaderText(member.field, value));
            }
        }
        byte[] body;
        if (route.successStatus() == 204 || shape.payload.isEmpty()) {
            body = new byte[0];
        } else {
            JsonWriter out = JsonWriter.start();
            out.startObject();
            writeMembers(out, response, shape.payload);
            out.endObject();
            body = out.toByteArray();
            headers.put("Content-Type", WireReply.JSON);
        }
        if (requestId != null) {
            headers.put(RestJsonDispatcher.REQUEST_ID, requestId);
        }
        return new WireReply(route.successStatus(), headers, body);
    }

    /** How a member is written, decided once per member from its marshalling type. */
    private enum Kind { STRING, INTEGER, LONG, DOUBLE, BIG_DECIMAL, BOOLEAN, INSTANT, SDK_BYTES, SDK_POJO, LIST, MAP, OTHER }

    /**
     * One member of an SDK class as JSON writes it, resolved from its {@link SdkField} once: its key (encoded
     * once), its kind, its timestamp format, and for a list or map the member of its items.
     */
    private static final class Member {
        final SdkField<?> field;
        /** The quoted key and its colon, encoded once ({@link JsonWriter#encodeKey}). */
        final byte[] key;
        final Kind kind;
        final TimestampFormatTrait.Format format;
        final Member item;
        /** The shape of this member's structures, for the class last seen: structures of a member are one class. */
        private volatile Shape lastShape;

        Member(SdkField<?> field) {
            this.field = field;
            this.key = JsonWriter.encodeKey(field.locationName() == null ? "" : field.locationName());
            MarshallingType<?> type = field.marshallingType();
            this.kind = type == MarshallingType.STRING ? Kind.STRING
                    : type == MarshallingType.INTEGER || type == MarshallingType.SHORT ? Kind.INTEGER
                    : type == MarshallingType.LONG ? Kind.LONG
                    : type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT ? Kind.DOUBLE
                    : type == MarshallingType.BIG_DECIMAL ? Kind.BIG_DECIMAL
                    : type == MarshallingType.BOOLEAN ? Kind.BOOLEAN
                    : type == MarshallingType.INSTANT ? Kind.INSTANT
                    : type == MarshallingType.SDK_BYTES ? Kind.SDK_BYTES
                    : type == MarshallingType.SDK_POJO ? Kind.SDK_POJO
                    : type == MarshallingType.LIST ? Kind.LIST
                    : type == MarshallingType.MAP ? Kind.MAP
                    : Kind.OTHER;
            this.format = formatOf(field, TimestampFormatTrait.Format.UNIX_TIMESTAMP);
            this.item = kind == Kind.LIST ? new Member(field.getRequiredTrait(ListTrait.class).memberFieldInfo())
                    : kind == Kind.MAP ? new Member(field.getRequiredTrait(MapTrait.class).valueFieldInfo())
                    : null;
        }

        Object valueOf(Object pojo) {
            return field.getValueOrDefault(pojo);
        }

        Shape shapeOf(SdkPojo pojo) {
            Shape shape = lastShape;
            if (shape == null || shape.type != pojo.getClass()) {
                shape = Shape.of(pojo);
                lastShape = shape;
            }
            return shape;
        }
    }

    /**
     * The members of an SDK class ({@code sdkFields()}), resolved once per class: all of them (a structure inside
     * a body writes every member), and as a response splits them, the header and the payload members.
     */
    private static final class Shape {
        private static final java.util.concurrent.ConcurrentHashMap<Class<?>, Shape> OF_CLASS =
                new java.util.concurrent.ConcurrentHashMap<>();

        final Class<?> type;
        final List<Member> all;
        final List<Member> headers;
        final List<Member> payload;

        private Shape(Class<?> type, List<SdkField<?>> fields) {
            this.type = type;
            List<Member> all = new ArrayList<>();
            List<Member> headers = new ArrayList<>();
            List<Member> payload = new ArrayList<>();
            for (SdkField<?> field : fields) {
                Member member = new Member(field);
                all.add(member);
                if (field.location() == MarshallLocation.HEADER) {
                    headers.add(member);
                } else if (field.location() == MarshallLocation.PAYLOAD) {
                    payload.add(member);
                }
            }
            this.all = List.copyOf(all);
            this.headers = List.copyOf(headers);
            this.payload = List.copyOf(payload);
        }

        static Shape of(SdkPojo pojo) {
            Shape shape = OF_CLASS.get(pojo.getClass());
            return shape != null ? shape : OF_CLASS.computeIfAbsent(pojo.getClass(), c -> new Shape(c, pojo.sdkFields()));
        }
    }

    /** {@code {"Code": ..., "Message": ...}}, the body of every error (ERR-009). */
    static byte[] errorBody(String code, String message) {
        JsonWriter out = JsonWriter.start();
        out.startObject();
        out.key(CODE);
        out.value(code);
        out.key(MESSAGE);
        out.value(message == null ? "" : message);
        out.endObject();
        return out.toByteArray();
    }

    private static final byte[] CODE = JsonWriter.encodeKey("Code");
    private static final byte[] MESSAGE = JsonWriter.encodeKey("Message");

    private static void writeMembers(JsonWriter out, Object pojo, List<Member> members) {
        for (int i = 0, n = members.size(); i < n; i++) {
            Member member = members.get(i);
            Object value = member.valueOf(pojo);
            if (value == null || member.kind == Kind.LIST && value instanceof SdkAutoConstructList
                    || member.kind == Kind.MAP && value instanceof SdkAutoConstructMap) {
                continue; // null, or a list or map the SDK fills in for a member nobody set: omitted, unlike an empty one
            }
            out.key(member.key);
            writeValue(out, member, value);
        }
    }

    private static void writeValue(JsonWriter out, Member member, Object value) {
        switch (member.kind) {
            case STRING -> out.value(value.toString());
            case INTEGER -> out.value(((Number) value).intValue());
            case LONG -> out.value(((Number) value).longValue());
            case DOUBLE -> out.value(((Number) value).doubleValue());
            case BIG_DECIMAL -> out.value((BigDecimal) value);
            case BOOLEAN -> out.value(((Boolean) value).booleanValue());
            case INSTANT -> {
                Instant instant = (Instant) value;
                switch (member.format) {
                    // The SDK's own format: seconds with the milliseconds as the fraction, written as a number.
                    case UNIX_TIMESTAMP -> {
                        int length = epochSeconds(instant.toEpochMilli(), out.digits);
                        if (length < 0) {
                            out.number(DateUtils.formatUnixTimestampInstant(instant));
                        } else {
                            out.numberFromDigits(length);
                        }
                    }
                    case UNIX_TIMESTAMP_MILLIS -> out.value(instant.toEpochMilli());
                    case ISO_8601 -> out.value(DateUtils.formatIso8601Date(instant));
                    case RFC_822 -> out.value(DateUtils.formatRfc822Date(instant));
                }
            }
            case SDK_BYTES -> out.value(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray()));
            case SDK_POJO -> {
                SdkPojo pojo = (SdkPojo) value;
                out.startObject();
                writeMembers(out, pojo, member.shapeOf(pojo).all);
                out.endObject();
            }
            case LIST -> {
                List<?> list = (List<?>) value;
                out.startArray();
                for (int i = 0, n = list.size(); i < n; i++) {
                    Object item = list.get(i);
                    if (item == null) {
                        out.nullValue();
                    } else {
                        writeValue(out, member.item, item);
                    }
                }
                out.endArray();
            }
            case MAP -> {
                out.startObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    out.key(String.valueOf(e.getKey()));
                    if (e.getValue() == null) {
                        out.nullValue();
                    } else {
                        writeValue(out, member.item, e.getValue());
                    }
                }
                out.endObject();
            }
            default -> throw new IllegalStateException("member " + member.field.memberName() + " has marshalling type "
                    + member.field.marshallingType() + ", which the server does not serialize");
        }
    }

    /**
     * Epoch seconds with the milliseconds as a three-digit fraction, exactly as the SDK's
     * {@code DateUtils.formatUnixTimestampInstant} writes them (e.g. {@code 1700000000.120}, {@code -0.500}).
     */
    static String epochSeconds(Instant instant) {
        char[] out = new char[32];
        int length = epochSeconds(instant.toEpochMilli(), out);
        return length < 0 ? DateUtils.formatUnixTimestampInstant(instant) : new String(out, 0, length);
    }

    /**
     * {@link #epochSeconds(Instant)} into {@code out} (32 characters at least), without a BigDecimal or a String:
     * the number of characters, or -1 for the one value this does not write (Long.MIN_VALUE).
     */
    static int epochSeconds(long millis, char[] out) {
        if (millis == Long.MIN_VALUE) {
            return -1;
        }
        long abs = Math.abs(millis);
        long seconds = abs / 1000;
        int fraction = (int) (abs % 1000);
        // Written from the end: the fraction, the point, the seconds, the sign.
        int i = out.length;
        out[--i] = (char) ('0' + fraction % 10);
        out[--i] = (char) ('0' + fraction / 10 % 10);
        out[--i] = (char) ('0' + fraction / 100);
        out[--i] = '.';
        do {
            out[--i] = (char) ('0' + seconds % 10);
            seconds /= 10;
        } while (seconds > 0);
        if (millis < 0) {
            out[--i] = '-';
        }
        int length = out.length - i;
        System.arraycopy(out, i, out, 0, length);
        return length;
    }

    private static String toHeaderText(SdkField<?> field, Object value) {
        if (value instanceof Instant instant) {
            TimestampFormatTrait.Format format = formatOf(field, TimestampFormatTrait.Format.RFC_822);
            return switch (format) {
                case ISO_8601 -> DateUtils.formatIso8601Date(instant);
                case UNIX_TIMESTAMP -> DateUtils.formatUnixTimestampInstant(instant);
                case UNIX_TIMESTAMP_MILLIS -> Long.toString(instant.toEpochMilli());
                case RFC_822 -> DateUtils.formatRfc822Date(instant);
            };
        }
        return value.toString();
    }
}
