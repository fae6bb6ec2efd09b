package chime.conformance.reference.core.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-written matchers of {@link Check} against the model's patterns they stand for: the same verdict for
 * chosen edge cases and for many random strings built from the characters that matter to each pattern.
 */
class CheckMatchersTest {

    @Test
    void isChimeArnAgreesWithThePatternOnEdgeCases() {
        List<String> cases = List.of("arn:a::::x", "arn:::::x", "arn:a::::/", "arn:a::::", "arn:a:::x",
                "arn:a::::xx/y", "arn:aws:chime:us-east-1:111122223333:app-instance/a/channel/b",
                "arn:" + "a".repeat(63) + "::::x", "arn:" + "a".repeat(64) + "::::x",
                "arn:a:" + "b".repeat(63) + ":::x", "arn:a:" + "b".repeat(64) + ":::x",
                "arn:a::::" + "x".repeat(1024), "arn:a::::" + "x".repeat(1025),
                "arn:a::::" + "\uD83D\uDE00".repeat(1024), "arn:a::::" + "\uD83D\uDE00".repeat(1025),
                "arn:a::::\uD83D", "arn:a::::\n\n", "arn:A::::x", "ARN:a::::x", "arn:a:b:c:d:e:f", "arn:a::::x:y",
                "xarn:a::::x", "arn:a_b::::x", "arn:a::::\u0000");
        for (String value : cases) {
            assertEquals(Check.CHIME_ARN.matcher(value).matches(), Check.isChimeArn(value), value);
        }
    }

    @Test
    void isChimeArnAgreesWithThePatternOnRandomStrings() {
        SplittableRandom random = new SplittableRandom(20261202);
        String alphabet = "arn::::::/aA0-._z\n\uD83D\uDE00";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder value = new StringBuilder(random.nextInt(3) == 0 ? "" : "arn:");
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = value.toString();
            assertEquals(Check.CHIME_ARN.matcher(s).matches(), Check.isChimeArn(s), s);
        }
    }

    @Test
    void utf8LengthIsTheLengthOfTheEncoding() {
        SplittableRandom random = new SplittableRandom(3);
        char[] interesting = {'a', '\u007F', '\u0080', '\u07FF', '\u0800', '\uFFFF', '\uD83D', '\uDE00', '\uDBFF',
                '\uDC00', '\u00E9'};
        for (int n = 0; n < 100_000; n++) {
            char[] chars = new char[random.nextInt(8)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                        : (char) random.nextInt(0x10000);
            }
            String s = new String(chars);
            assertEquals(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Check.utf8Length(s), s);
        }
    }

    @Test
    void inIdAlphabetAgreesWithThePattern() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 100_000; n++) {
            char[] chars = new char[random.nextInt(6)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) random.nextInt(128);
            }
            String s = new String(chars);
            assertEquals(Check.ID_ALPHABET.matcher(s).matches(), Check.inIdAlphabet(s), s);
        }
    }
}
