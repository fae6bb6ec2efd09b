package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;

/**
 * The server's JSON writer against Jackson's generator with its default features, which wrote the responses
 * before it: the same bytes for every response of the model with every member set, and for random text of
 * every kind of character (controls, quotes, backslashes, ASCII, two- and three-byte UTF-8, surrogate pairs and
 * lone surrogates).
 */
class JsonWriterTest {

    private static final JsonFactory JACKSON = new JsonFactory();

    static Stream<String> operations() {
        return RouteTable.routes().stream().map(Route::operation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyResponseIsWrittenAsJacksonWroteIt(String operation) throws IOException {
        Route route = RouteTable.route(operation).orElseThrow();
        OperationBinding binding = OperationBinding.resolve(route);
        SdkResponse response = (SdkResponse) ModelSamples.full(binding.clientMethod().getReturnType());
        byte[] written = RestJsonCodec.writeResponse(route, response).body();
        if (written.length == 0) {
            return; // no payload members, or a 204
        }
        assertThat(new String(written, StandardCharsets.UTF_8),
                is(new String(JacksonOracle.payload(response), StandardCharsets.UTF_8)));
    }

    @Test
    void aPageOfMessagesIsWrittenAsJacksonWroteIt() throws IOException {
        Random random = new Random(7);
        ChannelMessageSummary[] summaries = new ChannelMessageSummary[50];
        for (int i = 0; i < summaries.length; i++) {
            summaries[i] = ((ChannelMessageSummary) ModelSamples.full(ChannelMessageSummary.class)).toBuilder()
                    .content(text(random, 1 + random.nextInt(200))).metadata(i % 3 == 0 ? null : text(random, 20))
                    .build();
        }
        ListChannelMessagesResponse page = ListChannelMessagesResponse.builder().channelArn(text(random, 90))
                .channelMessages(summaries).nextToken(text(random, 40)).build();
        byte[] written = RestJsonCodec.writeResponse(RouteTable.route("ListChannelMessages").orElseThrow(), page)
                .body();
        assertThat(new String(written, StandardCharsets.UTF_8),
                is(new String(JacksonOracle.payload(page), StandardCharsets.UTF_8)));
    }

    @Test
    void randomTextIsEscapedAsJacksonEscapesIt() throws IOException {
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            String text = text(random, random.nextInt(40));
            JsonWriter out = JsonWriter.start();
            out.startObject();
            out.key(text);
            out.value(text);
            out.endObject();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (JsonGenerator g = JACKSON.createGenerator(expected)) {
                g.writeStartObject();
                g.writeStringField(text, text);
                g.writeEndObject();
            }
            assertThat(text.chars().mapToObj(c -> String.format("%04x", c)).toList().toString(),
                    out.toByteArray(), is(expected.toByteArray()));
        }
    }

    @Test
    void numbersAreWrittenAsJacksonWritesThem() throws IOException {
        Random random = new Random(13);
        List<Object> numbers = new java.util.ArrayList<>(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
                Integer.MIN_VALUE, 0.0, -0.0, 1e-7, 1e21, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, new BigDecimal("1E+3"), new BigDecimal("-0.000001")));
        for (int i = 0; i < 2_000; i++) {
            numbers.add(random.nextLong());
            numbers.add(Double.longBitsToDouble(random.nextLong()));
            numbers.add(random.nextGaussian() * 1e6);
            numbers.add(new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(30) - 10));
        }
        for (Object number : numbers) {
            JsonWriter out = JsonWriter.start();
            out.startArray();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (JsonGenerator g = JACKSON.createGenerator(expected)) {
                g.writeStartArray();
                if (number instanceof Long l) {
                    out.value(l.longValue());
                    g.writeNumber(l);
                } else if (number instanceof Integer n) {
                    out.value(n.longValue());
                    g.writeNumber(n.intValue());
                } else if (number instanceof Double d) {
                    out.value(d.doubleValue());
                    g.writeNumber(d);
                } else {
                    out.value((BigDecimal) number);
                    g.writeNumber((BigDecimal) number);
                }
                out.value(true);
                g.writeBoolean(true);
                out.nullValue();
                g.writeNull();
                g.writeEndArray();
            }
            out.endArray();
            assertThat(String.valueOf(number), new String(out.toByteArray(), StandardCharsets.UTF_8),
                    is(expected.toString(StandardCharsets.UTF_8)));
        }
    }

    /** Text drawn from every class of character a JSON writer treats apart. */
    private static String text(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(9)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append(random.nextBoolean() ? '"' : '\\');
                case 2 -> s.append((char) (0x80 + random.nextInt(0x780)));
                case 3 -> s.append((char) (0x800 + random.nextInt(0xD000)));
                case 4 -> s.appendCodePoint(0x10000 + random.nextInt(0xFFFFF));
                case 5 -> s.append((char) (Character.MIN_SURROGATE + random.nextInt(0x800)));
                case 6 -> s.append((char) (0xE000 + random.nextInt(0x2000)));
                default -> s.append((char) (0x20 + random.nextInt(0x60)));
            }
        }
        return s.toString();
    }

    /** How the server wrote a response's payload with Jackson before: the oracle of this test. */
    private static final class JacksonOracle {

        static byte[] payload(SdkResponse response) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = JACKSON.createGenerator(out)) {
                g.writeStartObject();
                for (var field : response.sdkFields()) {
                    if (field.location() == software.amazon.awssdk.core.protocol.MarshallLocation.PAYLOAD) {
                        member(g, field.locationName(), field.getValueOrDefault(response), field);
                    }
                }
                g.writeEndObject();
            }
            return out.toByteArray();
        }

        private static void member(JsonGenerator g, String name, Object value,
                                   software.amazon.awssdk.core.SdkField<?> field) throws IOException {
            if (absent(value)) {
                return;
            }
            g.writeFieldName(name);
            value(g, value, field);
        }

        private static boolean absent(Object value) {
            return value == null || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
                    || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
        }

        private static void value(JsonGenerator g, Object value, software.amazon.awssdk.core.SdkField<?> field)
                throws IOException {
            if (value instanceof software.amazon.awssdk.core.SdkPojo pojo) {
                g.writeStartObject();
                for (var f : pojo.sdkFields()) {
                    member(g, f.locationName(), f.getValueOrDefault(pojo), f);
                }
                g.writeEndObject();
            } else if (value instanceof List<?> list) {
                var item = field.getRequiredTrait(software.amazon.awssdk.core.traits.ListTrait.class).memberFieldInfo();
                g.writeStartArray();
                for (Object o : list) {
                    if (o == null) {
                        g.writeNull();
                    } else {
                        value(g, o, item);
                    }
                }
                g.writeEndArray();
            } else if (value instanceof Map<?, ?> map) {
                var item = field.getRequiredTrait(software.amazon.awssdk.core.traits.MapTrait.class).valueFieldInfo();
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    if (e.getValue() == null) {
                        g.writeNull();
                    } else {
                        value(g, e.getValue(), item);
                    }
                }
                g.writeEndObject();
            } else if (value instanceof java.time.Instant instant) {
                // Every timestamp of the model's bodies is epoch seconds (the SDK's own format).
                g.writeNumber(software.amazon.awssdk.utils.DateUtils.formatUnixTimestampInstant(instant));
            } else if (value instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (value instanceof Integer i) {
                g.writeNumber(i);
            } else if (value instanceof Long l) {
                g.writeNumber(l);
            } else if (value instanceof software.amazon.awssdk.core.SdkBytes bytes) {
                g.writeString(java.util.Base64.getEncoder().encodeToString(bytes.asByteArray()));
            } else {
                g.writeString(value.toString());
            }
        }
    }
}
