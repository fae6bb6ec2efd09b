package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.reference.http.JsonReader.JsonNumber;
import chime.conformance.reference.http.JsonReader.JsonObject;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The server's JSON reader against Jackson configured as the server's parser was before it (duplicate members
 * refused, content after the value refused, at most 64 levels): on random documents of every kind of value,
 * written with random whitespace and escapes, both read the same values; on those documents broken at random
 * (a character dropped, doubled or replaced by one that matters to JSON), both refuse or both accept, and then
 * read the same values.
 */
class JsonReaderTest {

    private static final ObjectMapper JACKSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What the codec asked of Jackson's tree: null for a body it refused. */
    private static Object jackson(byte[] body) {
        try (JsonParser parser = JACKSON.createParser(body)) {
            JsonNode node = JACKSON.readTree(parser);
            if (parser.nextToken() != null) {
                return null;
            }
            if (node == null || node.isMissingNode()) {
                return Map.of();
            }
            return node.isObject() ? plain(node) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static Object ours(byte[] body) {
        try {
            return plain(JsonReader.readObject(body));
        } catch (WireError e) {
            return null;
        }
    }

    /** Either tree as plain Java values: maps in member order, lists, strings, booleans, "null", numbers. */
    private static Object plain(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isObject()) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(e.getKey(), plain(e.getValue()));
                }
                return out;
            }
            if (node.isArray()) {
                List<Object> out = new ArrayList<>();
                node.forEach(item -> out.add(plain(item)));
                return out;
            }
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isNull()) {
                return "<null>";
            }
            return node.isIntegralNumber() ? node.bigIntegerValue() : (Object) node.doubleValue();
        }
        if (value instanceof JsonObject object) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < object.size(); i++) {
                out.put(object.name(i), plain(object.value(i)));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (value instanceof JsonNumber n) {
            return n.integral() ? n.bigInteger() : (Object) n.doubleValue();
        }
        return value == JsonReader.NULL ? "<null>" : value;
    }

    @Test
    void randomDocumentsReadAsJacksonReadThem() {
        Random random = new Random(20261202);
        for (int i = 0; i < 3_000; i++) {
            String text = document(random);
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            Object expected = jackson(body);
            assertThat(text, expected == null, is(false));
            assertThat(text, ours(body), equalTo(expected));
        }
    }

    @Test
    void brokenDocumentsAreRefusedAsJacksonRefusedThem() {
        Random random = new Random(1202);
        String significant = "{}[],:\"\\ \t\n0123456789-+.eEtrufalsn/bx'";
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(document(random));
            for (int k = 1 + random.nextInt(2); k > 0; k--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, text.charAt(at));
                    default -> text.setCharAt(at, significant.charAt(random.nextInt(significant.length())));
                }
            }
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            if (!WireText.isUtf8(body, 0, body.length)) {
                continue; // refused before it is read as JSON
            }
            Object expected = jackson(body);
            refused += expected == null ? 1 : 0;
            assertThat(text.toString(), ours(body), equalTo(expected));
        }
        assertThat("most broken documents are refused", refused > 10_000, is(true));
    }

    @Test
    void limitsAreJacksonsLimits() {
        String deepest = "{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}";
        String deeper = "{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}";
        assertThat(ours(utf8(deepest)), equalTo(jackson(utf8(deepest))));
        assertThat(jackson(utf8(deeper)), is((Object) null));
        WireError tooDeep = assertThrows(WireError.class, () -> JsonReader.readObject(utf8(deeper)));
        assertThat(tooDeep.getMessage(), containsString("nests deeper than 64 levels"));

        String longNumber = "{\"a\":" + "9".repeat(1_000) + "}";
        String tooLongNumber = "{\"a\":" + "9".repeat(1_001) + "}";
        assertThat(ours(utf8(longNumber)), equalTo(jackson(utf8(longNumber))));
        assertThat(jackson(utf8(tooLongNumber)), is((Object) null));
        assertThat(assertThrows(WireError.class, () -> JsonReader.readObject(utf8(tooLongNumber))).getMessage(),
                containsString("too long"));

        String twice = "{\"Name\":\"a\",\"Tags\":[],\"Name\":\"b\"}";
        assertThat(jackson(utf8(twice)), is((Object) null));
        assertThat(assertThrows(WireError.class, () -> JsonReader.readObject(utf8(twice))).getMessage(),
                containsString("gives the member Name twice"));

        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        String manyTwice = many + ",\"k150\":1}";
        assertThat(ours(utf8(many + "}")), equalTo(jackson(utf8(many + "}"))));
        assertThat(jackson(utf8(manyTwice)), is((Object) null));
        assertThrows(WireError.class, () -> JsonReader.readObject(utf8(manyTwice)));
    }

    @Test
    void whatIsNotAnObjectIsNamed() {
        for (String body : List.of("[]", "\"text\"", "12", "1.5", "true", "null")) {
            assertThat(jackson(utf8(body)), is((Object) null));
            assertThat(assertThrows(WireError.class, () -> JsonReader.readObject(utf8(body))).getMessage(),
                    containsString("must be a JSON object, not " + JsonReader.describe(
                            JsonReader.readObject(utf8("{\"v\":" + body + "}")).get("v"))));
        }
        assertThat(ours(utf8(" \n\t ")), equalTo(jackson(utf8(" \n\t "))));
        assertThat(ours(utf8("\uFEFF{\"a\":1}")), equalTo(jackson(utf8("\uFEFF{\"a\":1}"))));
        assertThat(assertThrows(WireError.class, () -> JsonReader.readObject(utf8("{\"a\":1}\n{}"))).getMessage(),
                containsString("after its JSON object"));
        assertThat(assertThrows(WireError.class, () -> JsonReader.readObject(utf8("{\"a\":\n tru}"))).getMessage(),
                containsString("line 2, column"));
    }

    // ---- random documents -----------------------------------------------------------------------------

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String document(Random random) {
        StringBuilder out = new StringBuilder();
        space(random, out);
        object(random, out, 0);
        space(random, out);
        return out.toString();
    }

    private static void value(Random random, StringBuilder out, int depth) {
        switch (random.nextInt(depth > 4 ? 5 : 7)) {
            case 0 -> string(random, out);
            case 1 -> number(random, out);
            case 2 -> out.append(random.nextBoolean() ? "true" : "false");
            case 3 -> out.append("null");
            case 4 -> string(random, out);
            case 5 -> object(random, out, depth + 1);
            default -> array(random, out, depth + 1);
        }
    }

    private static void object(Random random, StringBuilder out, int depth) {
        out.append('{');
        int members = random.nextInt(random.nextInt(10) == 0 ? 14 : 5);
        for (int i = 0; i < members; i++) {
            space(random, out);
            if (i > 0) {
                out.append(',');
                space(random, out);
            }
            out.append('"').append("m").append(i).append(random.nextBoolean() ? "" : "\\u00e9").append('"');
            space(random, out);
            out.append(':');
            space(random, out);
            value(random, out, depth);
        }
        space(random, out);
        out.append('}');
    }

    private static void array(Random random, StringBuilder out, int depth) {
        out.append('[');
        int items = random.nextInt(5);
        for (int i = 0; i < items; i++) {
            space(random, out);
            if (i > 0) {
                out.append(',');
                space(random, out);
            }
            value(random, out, depth);
        }
        space(random, out);
        out.append(']');
    }

    private static void string(Random random, StringBuilder out) {
        out.append('"');
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(10)) {
                case 0 -> out.append("\\\"");
                case 1 -> out.append("\\\\");
                case 2 -> out.append("\\").append("/bfnrt".charAt(random.nextInt(6)));
                case 3 -> out.append(String.format("\\u%04X", random.nextInt(0x10000)));
                case 4 -> out.append((char) (0xA0 + random.nextInt(0x700)));
                case 5 -> out.append("\uD83D\uDE00");
                case 6 -> out.append((char) (0x3000 + random.nextInt(0x5000)));
                default -> {
                    char c = (char) (0x20 + random.nextInt(0x5F));
                    out.append(c == '"' || c == '\\' ? 'q' : c);
                }
            }
        }
        out.append('"');
    }

    private static void number(Random random, StringBuilder out) {
        if (random.nextBoolean()) {
            out.append('-');
        }
        switch (random.nextInt(4)) {
            case 0 -> out.append('0');
            case 1 -> out.append(1 + random.nextInt(9)).append(random.nextInt(1_000_000));
            case 2 -> out.append(new BigInteger(200, random).add(BigInteger.ONE));
            default -> out.append(1 + random.nextInt(9));
        }
        if (random.nextInt(3) == 0) {
            out.append('.').append(random.nextInt(100_000));
        }
        if (random.nextInt(4) == 0) {
            out.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "" : random.nextBoolean() ? "+" : "-")
                    .append(random.nextInt(400));
        }
    }

    private static void space(Random random, StringBuilder out) {
        int n = random.nextInt(4) == 0 ? random.nextInt(3) : 0;
        for (int i = 0; i < n; i++) {
            out.append(" \t\n\r".charAt(random.nextInt(4)));
        }
    }
}
