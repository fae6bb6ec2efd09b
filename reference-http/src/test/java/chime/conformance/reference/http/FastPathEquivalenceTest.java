package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.DateUtils;

/**
 * The server's hand-written fast paths give what the library code they replace gives: the UTF-8 check what a
 * strict decoder accepts, epoch seconds what the SDK's DateUtils writes.
 */
class FastPathEquivalenceTest {

    private static boolean strictlyDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void theUtf8CheckAcceptsWhatAStrictDecoderAccepts() {
        Random random = new Random(17);
        // Bytes from the ranges that matter most: ASCII, continuation bytes, every lead byte.
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF};
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                        : random.nextInt(256));
            }
            assertThat(HexFormat.of().formatHex(bytes), WireText.isUtf8(bytes, 0, bytes.length),
                    is(strictlyDecodes(bytes)));
        }
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += 1 + (cp % 7)) {
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                continue;
            }
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            assertThat(Integer.toHexString(cp), WireText.isUtf8(bytes, 0, bytes.length), is(true));
        }
    }

    @Test
    void epochSecondsAreWrittenAsTheSdkWritesThem() {
        Random random = new Random(17);
        long[] edges = {0, 1, -1, 5, -5, 999, -999, 1000, -1000, 1001, -1001, 1_700_000_000_000L,
                1_700_000_000_120L, -62_135_596_800_000L, 253_402_300_799_999L};
        for (long millis : edges) {
            Instant instant = Instant.ofEpochMilli(millis);
            assertThat(RestJsonCodec.epochSeconds(instant), is(DateUtils.formatUnixTimestampInstant(instant)));
        }
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, random.nextInt(1_000_000_000));
            assertThat(RestJsonCodec.epochSeconds(instant), is(DateUtils.formatUnixTimestampInstant(instant)));
        }
    }

    @Test
    void requestIdsAreVersion4Uuids() {
        for (int i = 0; i < 1000; i++) {
            java.util.UUID id = java.util.UUID.fromString(RestJsonDispatcher.requestId());
            assertThat(id.version(), is(4));
            assertThat(id.variant(), is(2));
        }
    }
}
