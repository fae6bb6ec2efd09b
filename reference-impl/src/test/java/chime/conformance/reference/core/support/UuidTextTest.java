package chime.conformance.reference.core.support;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link UuidText} against the JDK's {@link UUID}: the same text, bits and hash, and only the canonical text. */
class UuidTextTest {

    @Test
    void bitsTextAndHashAgreeWithTheJdkForRandomUuids() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 100_000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            String text = uuid.toString();
            assertTrue(UuidText.isCanonical(text), text);
            assertEquals(uuid.getMostSignificantBits(), UuidText.high(text), text);
            assertEquals(uuid.getLeastSignificantBits(), UuidText.low(text), text);
            assertEquals(text, UuidText.text(UuidText.high(text), UuidText.low(text)));
            assertEquals(text.hashCode(), UuidText.hash(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()));
        }
    }

    @Test
    void onlyTheCanonicalTextIsAUuid() {
        String canonical = "00112233-4455-6677-8899-aabbccddeeff";
        assertTrue(UuidText.isCanonical(canonical));
        assertTrue(UuidText.isCanonical("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        List<String> others = List.of(canonical.toUpperCase(), "00112233-4455-6677-8899-aabbccddeefF",
                "001122334455-6677-8899-aabbccddeeff", "00112233-4455-6677-8899-aabbccddeeff0",
                "00112233-4455-6677-8899-aabbccddeef", "00112233_4455_6677_8899_aabbccddeeff",
                "0011223-34455-6677-8899-aabbccddeeff", "00112233-4455-6677-8899-aabbccddeefg",
                "{0112233-4455-6677-8899-aabbccddeeff", "00112233-4455-6677-8899-aabbccddee-f",
                "send-once", "", "00112233445566778899aabbccddeeff00112233");
        for (String text : others) {
            assertFalse(UuidText.isCanonical(text), text);
        }
        assertFalse(UuidText.isCanonical(null));
    }
}
