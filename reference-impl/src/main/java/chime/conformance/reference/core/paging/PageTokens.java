package chime.conformance.reference.core.paging;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.validation.Check;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque pagination tokens. A token carries the last position returned (never an offset, so it stays valid
 * while other threads write) and is signed together with a fingerprint of the query that issued it. So:
 * a token the service never issued, a tampered token, or a token replayed with other filters or on another
 * resource is a BadRequestException (PAGE-005), and paging resumes exactly after the last item seen
 * (PAGE-003, PAGE-004).
 */
public final class PageTokens {

    private static final String VERSION = "1";
    private static final int MAC_BYTES = 16;

    /**
     * The key tokens are signed with, and one keyed MAC per thread: looking the algorithm up and keying it cost
     * more than computing a token, and every page of every list operation issues or opens one. A Mac is not
     * thread-safe, so it is not shared.
     */
    private record Keyed(byte[] secret, ThreadLocal<Mac> macs) {
        Keyed(byte[] secret) {
            this(secret.clone(), ThreadLocal.withInitial(() -> newMac(secret.clone())));
        }
    }

    private volatile Keyed keyed;

    public PageTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.keyed = new Keyed(secret);
    }

    /** The signing key, so that a restored service keeps honouring the tokens it issued before (state file). */
    public byte[] secret() {
        return keyed.secret().clone();
    }

    /** Signs and checks tokens with {@code secret} from now on (a restored service's saved key). */
    public void useSecret(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("a page token key has at least 16 bytes");
        }
        this.keyed = new Keyed(secret);
    }

    /** Issues a token for {@code position}, bound to {@code query}. */
    public String issue(String query, String position) {
        byte[] positionBytes = position.getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(query, positionBytes);
        byte[] token = new byte[1 + MAC_BYTES + positionBytes.length];
        token[0] = VERSION.getBytes(StandardCharsets.US_ASCII)[0];
        System.arraycopy(mac, 0, token, 1, MAC_BYTES);
        System.arraycopy(positionBytes, 0, token, 1 + MAC_BYTES, positionBytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Returns the position inside a token this service issued for {@code query}, or rejects it. */
    public String open(String token, String query) {
        if (token.length() > Check.NEXT_TOKEN_MAX) {
            throw invalid();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length < 1 + MAC_BYTES || raw[0] != VERSION.getBytes(StandardCharsets.US_ASCII)[0]) {
            throw invalid();
        }
        byte[] positionBytes = Arrays.copyOfRange(raw, 1 + MAC_BYTES, raw.length);
        byte[] expected = mac(query, positionBytes);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, 1, 1 + MAC_BYTES))) {
            throw invalid();
        }
        return new String(positionBytes, StandardCharsets.UTF_8);
    }

    private static ApiError invalid() {
        return ApiError.badRequest("NextToken is not valid for this request");
    }

    private byte[] mac(String query, byte[] position) {
        Mac mac = keyed.macs().get();
        mac.update(query.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(position);
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    private static Mac newMac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
