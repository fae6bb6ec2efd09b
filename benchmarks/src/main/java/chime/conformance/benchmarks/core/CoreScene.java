package chime.conformance.benchmarks.core;

import chime.conformance.reference.core.MessagingCore;
import chime.conformance.reference.core.idempotency.IdempotencyCache;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.paging.Page;
import chime.conformance.reference.core.quota.ServiceQuotas;
import chime.conformance.reference.core.support.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reference core with one AppInstance, an AppInstanceAdmin (Ada), a sender (Alice) and one public channel
 * Alice is a member of: the state every core benchmark starts from. Everything is created through the core's
 * own operations, so the indexes are exactly what a client would have built.
 */
public final class CoreScene implements AutoCloseable {

    public static final String CONTENT = "The quick brown fox jumps over the lazy dog, 64 bytes of content.";

    public final MessagingCore core;
    public final String appInstanceArn;
    public final String ada;
    public final String alice;
    public final String channelArn;
    private final AtomicLong tokens = new AtomicLong();

    /**
     * Quotas raised as an account could have them raised, so that scale benchmarks can build channels of 10^5
     * members (the documented default is 10,000).
     */
    public static final ServiceQuotas RAISED_QUOTAS = new ServiceQuotas(1_000, 10_000_000, 100, 10_000_000,
            10_000_000, 1_000, 100);

    public CoreScene() {
        this(new MessagingCore(Clock.systemUTC(), IdGenerator.random(), "us-east-1", "111122223333", 1,
                IdempotencyCache.Retention.defaults(), RAISED_QUOTAS), "bench");
    }

    /** A scene of its own AppInstance inside {@code core}, which may hold others. */
    public CoreScene(MessagingCore core, String name) {
        this.core = core;
        appInstanceArn = core.identity().createAppInstance(name, null, "t-" + name, null);
        ada = user("ada");
        core.identity().createAppInstanceAdmin(appInstanceArn, ada);
        alice = user("alice");
        channelArn = core.channels().create(ada, appInstanceArn, "bench", "UNRESTRICTED", "PUBLIC", null, token(),
                null);
        core.memberships().create(ada, channelArn, alice, "DEFAULT");
    }

    /**
     * A fresh ClientRequestToken, in the form AWS SDKs fill it in (a UUID's text): every call is a new request,
     * never a retry.
     */
    public String token() {
        return new java.util.UUID(0x5eedL, tokens.incrementAndGet()).toString();
    }

    public String user(String id) {
        return core.identity().createAppInstanceUser(appInstanceArn, id, id, null, token(), null);
    }

    public String send(String content) {
        return send(content, null);
    }

    public String send(String content, String metadata) {
        return core.messages().send(alice, channelArn, content, "STANDARD", "PERSISTENT", metadata, token())
                .messageId();
    }

    /** Posts {@code count} messages to the channel. */
    public void fill(int count) {
        for (int i = 0; i < count; i++) {
            send(CONTENT);
        }
    }

    /**
     * Posts {@code count} messages as a server would: every request brings its own copies of the bearer,
     * the channel ARN and the content, decoded from the wire.
     */
    public void fillFromWire(int count) {
        fillFromWire(count, CONTENT, null);
    }

    /** As {@link #fillFromWire(int)}, with the given content and metadata (null: none). */
    public void fillFromWire(int count, String content, String metadata) {
        for (int i = 0; i < count; i++) {
            core.messages().send(decoded(alice), decoded(channelArn), decoded(content), "STANDARD", "PERSISTENT",
                    metadata == null ? null : decoded(metadata), token());
        }
    }

    /** A new string with its own bytes, as decoding a request produces. */
    private static String decoded(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** Adds {@code count} public channels to the AppInstance (the scene's own channel included in none). */
    public void addChannels(int count) {
        for (int i = 0; i < count; i++) {
            core.channels().create(ada, appInstanceArn, "channel-" + i, "UNRESTRICTED", "PUBLIC", null, token(),
                    null);
        }
    }

    /** Adds {@code count} new users to the channel as DEFAULT members, 100 per batch (the model's maximum). */
    public void addMembers(int count) {
        List<String> batch = new ArrayList<>(100);
        for (int i = 0; i < count; i++) {
            batch.add(user("member-" + i));
            if (batch.size() == 100 || i == count - 1) {
                core.memberships().batchCreate(ada, channelArn, "DEFAULT", batch);
                batch.clear();
            }
        }
    }

    /**
     * A NextToken that resumes listing the channel's messages, in {@code sortOrder}, after {@code position}
     * messages: how a client reading deep into a channel gets there.
     */
    public String messageTokenAfter(String sortOrder, int position) {
        String token = null;
        for (int seen = 0; seen < position; ) {
            Page<ChannelMessage> page = core.messages().list(alice, channelArn, sortOrder, null, null,
                    Math.min(50, position - seen), token);
            seen += page.items().size();
            token = page.nextToken();
            if (token == null) {
                throw new IllegalStateException("the channel holds fewer than " + position + " messages");
            }
        }
        return token;
    }

    @Override
    public void close() {
        core.close();
    }
}
