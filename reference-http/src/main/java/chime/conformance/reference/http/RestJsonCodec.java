package chime.conformance.reference.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Deep enough for every shape of the model (four levels at most), shallow enough to refuse bombs. */
    static final int MAX_JSON_DEPTH = 64;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
        List<SdkField<?>> fields = builder.sdkFields();
        JsonNode payload = fields.stream().anyMatch(f -> f.location() == MarshallLocation.PAYLOAD)
                ? parseBody(body) : null;
        for (SdkField<?> field : fields) {
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
    static JsonNode parseBody(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.createObjectNode();
        }
        requireUtf8(body);
        JsonNode node;
        try (JsonParser parser = JSON.createParser(body)) {
            node = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw WireError.badRequest("The request body has content after its JSON object");
            }
        } catch (JsonProcessingException e) {
            throw WireError.badRequest(notJson(e));
        } catch (IOException e) {
            throw WireError.badRequest("The request body cannot be read as JSON");
        }
        if (node == null || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw WireError.badRequest("The request body must be a JSON object, not " + describe(node));
        }
        return node;
    }

    /**
     * Why a body is not a JSON object, in the API's words: the parser's own messages name its classes and
     * settings, which mean nothing to a client of this API.
     */
    private static String notJson(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String original = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
            return original.contains("nesting")
                    ? "The request body is not valid JSON for this API: it nests deeper than " + MAX_JSON_DEPTH + " levels"
                    : "The request body is not valid JSON for this API: a number or string in it is too long";
        }
        if (e instanceof MismatchedInputException) {
            return "The request body has content after its JSON object";
        }
        String original = String.valueOf(e.getOriginalMessage());
        Matcher duplicate = DUPLICATE_FIELD.matcher(original);
        if (duplicate.find()) {
            return "The request body is not valid JSON for this API: it gives the member " + duplicate.group(1)
                    + " twice";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1
                ? "The request body is not valid JSON"
                : "The request body is not valid JSON: the error is at line " + at.getLineNr() + ", column "
                        + at.getColumnNr();
    }

    /** How the parser names a member given twice (STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate (?:field|Object property) '([^']{1,64})'");

    /**
     * JSON text on the wire is UTF-8 (RFC 8259). The JSON parser decodes three-byte sequences without
     * checking that they encode a character, so UTF-8-encoded surrogates (ED A0 80) would be stored as lone
     * surrogates and counted in bytes differently from what was sent; a strict decoder refuses them, and
     * every other malformed sequence, first.
     */
    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
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
        return fromText(field, value, "path parameter " + field.locationName(), TimestampFormatTrait.Format.ISO_8601);
    }

    private static Object fromQuery(SdkField<?> field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String where = "query parameter " + field.locationName();
        if (field.marshallingType() == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            for (String v : values) {
                out.add(fromText(member, v, where, TimestampFormatTrait.Format.ISO_8601));
            }
            return out;
        }
        if (values.size() > 1) {
            throw WireError.badRequest("The " + where + " is given " + values.size() + " times; it takes one value");
        }
        return fromText(field, values.get(0), where, TimestampFormatTrait.Format.ISO_8601);
    }

    private static Object fromHeader(SdkField<?> field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String where = "header " + field.locationName();
        if (values.size() > 1) {
            throw WireError.badRequest("The " + where + " is sent " + values.size() + " times; it takes one value");
        }
        return fromText(field, values.get(0), where, TimestampFormatTrait.Format.RFC_822);
    }

    /**
     * A scalar member carried as text (path, query string, header). Every string value the server binds, from
     * text here or from JSON below, passes {@link WireText#requireUnicode}: a lone surrogate is refused
     * wherever it travels.
     */
    private static Object fromText(SdkField<?> field, String text, String where,
                                   TimestampFormatTrait.Format defaultFormat) {
        MarshallingType<?> type = field.marshallingType();
        try {
            if (type == MarshallingType.STRING) {
                return WireText.requireUnicode(text, "The " + where);
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
                throw WireError.badRequest("The " + where + " must be true or false");
            }
            if (type == MarshallingType.INSTANT) {
                return parseTimestamp(text, formatOf(field, defaultFormat));
            }
        } catch (NumberFormatException e) {
            throw WireError.badRequest("The " + where + " must be " + expected(type) + ", got '" + abbreviate(text) + "'");
        } catch (DateTimeException | ArithmeticException e) {
            throw WireError.badRequest("The " + where + " must be " + timestampWords(formatOf(field, defaultFormat))
                    + ", got '" + abbreviate(text) + "'");
        }
        throw new IllegalStateException("member " + field.memberName() + " of type " + type
                + " cannot travel in a " + where);
    }

    /** A member from its JSON value; {@code where} is the member's path in the body, for messages. */
    private static Object fromJson(SdkField<?> field, JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            require(node.isTextual(), node, where, type);
            return WireText.requireUnicode(node.textValue(), "The member " + where);
        }
        if (type == MarshallingType.INTEGER) {
            require(node.isIntegralNumber() && node.canConvertToInt(), node, where, type);
            return node.intValue();
        }
        if (type == MarshallingType.LONG) {
            require(node.isIntegralNumber() && node.canConvertToLong(), node, where, type);
            return node.longValue();
        }
        if (type == MarshallingType.SHORT) {
            require(node.isIntegralNumber() && node.canConvertToInt()
                    && node.intValue() == (short) node.intValue(), node, where, type);
            return (short) node.intValue();
        }
        if (type == MarshallingType.DOUBLE) {
            require(node.isNumber(), node, where, type);
            return node.doubleValue();
        }
        if (type == MarshallingType.FLOAT) {
            require(node.isNumber(), node, where, type);
            return node.floatValue();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            require(node.isNumber(), node, where, type);
            return node.decimalValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            require(node.isBoolean(), node, where, type);
            return node.booleanValue();
        }
        if (type == MarshallingType.INSTANT) {
            TimestampFormatTrait.Format format = formatOf(field, TimestampFormatTrait.Format.UNIX_TIMESTAMP);
            boolean numeric = format == TimestampFormatTrait.Format.UNIX_TIMESTAMP
                    || format == TimestampFormatTrait.Format.UNIX_TIMESTAMP_MILLIS;
            require(numeric ? node.isNumber() : node.isTextual(), node, where, type);
            try {
                return numeric ? epochToInstant(node.decimalValue(), format) : parseTimestamp(node.textValue(), format);
            } catch (DateTimeException | ArithmeticException e) {
                throw WireError.badRequest("The member " + where + " must be " + timestampWords(format));
            }
        }
        if (type == MarshallingType.SDK_BYTES) {
            require(node.isTextual(), node, where, type);
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()));
            } catch (IllegalArgumentException e) {
                throw WireError.badRequest("The member " + where + " must be base64");
            }
        }
        if (type == MarshallingType.SDK_POJO) {
            require(node.isObject(), node, where, type);
            SdkPojo builder = field.constructor().get();
            for (SdkField<?> member : builder.sdkFields()) {
                Object value = fromJson(member, node.get(member.locationName()), where + "." + member.locationName());
                if (value != null) {
                    member.set(builder, value);
                }
            }
            return ((SdkBuilder<?, ?>) builder).build();
        }
        if (type == MarshallingType.LIST) {
            require(node.isArray(), node, where, type);
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isNull()) {
                    throw WireError.badRequest("The member " + where + "[" + i + "] is null; lists take no nulls");
                }
                out.add(fromJson(member, item, where + "[" + i + "]"));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            require(node.isObject(), node, where, type);
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    throw WireError.badRequest("The member " + where + "." + e.getKey() + " is null; maps take no nulls");
                }
                WireText.requireUnicode(e.getKey(), "A key of the member " + where);
                out.put(e.getKey(), fromJson(value, e.getValue(), where + "." + e.getKey()));
            }
            return out;
        }
        throw new IllegalStateException("member " + field.memberName() + " has marshalling type " + type
                + ", which the server does not bind");
    }

    private static void require(boolean ok, JsonNode node, String where, MarshallingType<?> type) {
        if (ok) {
            return;
        }
        if (node.isIntegralNumber() && (type == MarshallingType.INTEGER || type == MarshallingType.SHORT
                || type == MarshallingType.LONG)) {
            // An integer, just not one that fits: say which range it must be in.
            long min = type == MarshallingType.SHORT ? Short.MIN_VALUE
                    : type == MarshallingType.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long max = type == MarshallingType.SHORT ? Short.MAX_VALUE
                    : type == MarshallingType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
            throw WireError.badRequest("The member " + where + " must be an integer from " + min + " to " + max
                    + ", not " + abbreviate(node.bigIntegerValue().toString()));
        }
        throw WireError.badRequest("The member " + where + " must be " + expected(type) + ", not " + describe(node));
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

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
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
        Map<String, String> headers = new LinkedHashMap<>();
        List<SdkField<?>> payloadFields = new ArrayList<>();
        for (SdkField<?> field : response.sdkFields()) {
            if (field.location() == MarshallLocation.HEADER) {
                Object value = field.getValueOrDefault(response);
                if (value != null) {
                    headers.put(field.locationName(), toHeaderText(field, value));
                }
            } else if (field.location() == MarshallLocation.PAYLOAD) {
                payloadFields.add(field);
            }
        }
        if (route.successStatus() == 204 || payloadFields.isEmpty()) {
            return new WireReply(route.successStatus(), headers, new byte[0]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            writeMembers(g, response, payloadFields);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        headers.put("Content-Type", WireReply.JSON);
        return new WireReply(route.successStatus(), headers, out.toByteArray());
    }

    /** {@code {"Code": ..., "Message": ...}}, the body of every error (ERR-009). */
    static byte[] errorBody(String code, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("Code", code);
            g.writeStringField("Message", message == null ? "" : message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeMembers(JsonGenerator g, Object pojo, List<SdkField<?>> fields) throws IOException {
        for (SdkField<?> field : fields) {
            Object value = field.getValueOrDefault(pojo);
            if (isAbsent(value)) {
                continue;
            }
            g.writeFieldName(field.locationName());
            writeValue(g, field, value);
        }
    }

    /** Null, or a list or map the SDK fills in for a member nobody set: omitted, unlike an empty one. */
    private static boolean isAbsent(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    private static void writeValue(JsonGenerator g, SdkField<?> field, Object value) throws IOException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            g.writeString(value.toString());
        } else if (type == MarshallingType.INTEGER || type == MarshallingType.SHORT) {
            g.writeNumber(((Number) value).intValue());
        } else if (type == MarshallingType.LONG) {
            g.writeNumber(((Number) value).longValue());
        } else if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT) {
            g.writeNumber(((Number) value).doubleValue());
        } else if (type == MarshallingType.BIG_DECIMAL) {
            g.writeNumber((BigDecimal) value);
        } else if (type == MarshallingType.BOOLEAN) {
            g.writeBoolean((Boolean) value);
        } else if (type == MarshallingType.INSTANT) {
            TimestampFormatTrait.Format format = formatOf(field, TimestampFormatTrait.Format.UNIX_TIMESTAMP);
            Instant instant = (Instant) value;
            switch (format) {
                // The SDK's own format: seconds with the milliseconds as the fraction, written as a number.
                case UNIX_TIMESTAMP -> g.writeNumber(DateUtils.formatUnixTimestampInstant(instant));
                case UNIX_TIMESTAMP_MILLIS -> g.writeNumber(instant.toEpochMilli());
                case ISO_8601 -> g.writeString(DateUtils.formatIso8601Date(instant));
                case RFC_822 -> g.writeString(DateUtils.formatRfc822Date(instant));
            }
        } else if (type == MarshallingType.SDK_BYTES) {
            g.writeString(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray()));
        } else if (type == MarshallingType.SDK_POJO) {
            SdkPojo pojo = (SdkPojo) value;
            g.writeStartObject();
            writeMembers(g, pojo, pojo.sdkFields());
            g.writeEndObject();
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (Object item : (List<?>) value) {
                if (item == null) {
                    g.writeNull();
                } else {
                    writeValue(g, member, item);
                }
            }
            g.writeEndArray();
        } else if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                if (e.getValue() == null) {
                    g.writeNull();
                } else {
                    writeValue(g, member, e.getValue());
                }
            }
            g.writeEndObject();
        } else {
            throw new IllegalStateException("member " + field.memberName() + " has marshalling type " + type
                    + ", which the server does not serialize");
        }
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
