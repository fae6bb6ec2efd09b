package chime.conformance.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.SortOrder;

/**
 * What must hold whatever the interleaving of concurrent requests on one channel, checked through the SDK
 * client interfaces against the reference in process ({@link ConcurrencyTest}) and over HTTP
 * ({@link ConcurrencyOverHttpTest}):
 * <ul>
 *   <li>every acknowledged message is listed exactly once, in strictly increasing creation order;</li>
 *   <li>concurrent retries with one ClientRequestToken create one message (IDEM-003);</li>
 *   <li>paging while others write yields no duplicates and no gaps (PAGE-003, PAGE-004);</li>
 *   <li>bans, membership changes and sends racing never leave a banned user a member (BAN-002).</li>
 * </ul>
 * The interleavings are the scheduler's; the random choices of each thread are seeded, so a failure names
 * the seed of the round that broke.
 */
abstract class ConcurrencyInvariants {

    private static final int THREADS = 8;

    protected Fixture f;
    private ExecutorService pool;

    /** A fresh reference with the cast, reached the way the subclass tests it. */
    protected abstract Fixture open();

    /** How much work each test does: smaller over HTTP, where each call costs more. */
    protected abstract int scale();

    @BeforeEach
    void start() {
        f = open();
        pool = Executors.newFixedThreadPool(THREADS + 2);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        f.close();
    }

    @Test
    void everyAcknowledgedMessageIsListedExactlyOnce() throws Exception {
        int perSender = 25 * scale();
        String channel = f.channel(f.alice, "busy", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String sender = f.user(f.appInstanceArn, "sender" + i, "Sender " + i);
            f.member(channel, sender);
            senders.add(sender);
        }
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (String sender : senders) {
            work.add(pool.submit(() -> {
                go.await();
                for (int n = 0; n < perSender; n++) {
                    acknowledged.add(send(channel, sender, "message " + n, null));
                }
                return null;
            }));
        }
        go.countDown();
        awaitAll(work);

        List<ChannelMessageSummary> listed = listAll(channel, SortOrder.ASCENDING);
        List<String> ids = listed.stream().map(ChannelMessageSummary::messageId).toList();
        assertThat("listed once each", new HashSet<>(ids), hasSize(ids.size()));
        assertThat(new HashSet<>(ids), equalTo(new HashSet<>(acknowledged)));
        assertThat(acknowledged, hasSize(THREADS * perSender));
        Instant previous = Instant.MIN;
        for (ChannelMessageSummary message : listed) {
            assertThat("creation order is strict", message.createdTimestamp(), greaterThan(previous));
            previous = message.createdTimestamp();
        }
    }

    @Test
    void concurrentRetriesWithOneClientRequestTokenCreateOneMessage() throws Exception {
        int tokens = 10 * scale();
        String channel = f.bookClub();
        Map<String, Set<String>> idsByToken = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        // Every thread sends the same requests in the same order, so each token is raced by all of them.
        for (int t = 0; t < THREADS; t++) {
            work.add(pool.submit(() -> {
                go.await();
                for (int n = 0; n < tokens; n++) {
                    String token = "retry-" + n;
                    String id = send(channel, f.bob, "retried " + n, token);
                    idsByToken.computeIfAbsent(token, k -> ConcurrentHashMap.newKeySet()).add(id);
                }
                return null;
            }));
        }
        go.countDown();
        awaitAll(work);

        for (Map.Entry<String, Set<String>> e : idsByToken.entrySet()) {
            assertThat("MessageIds for " + e.getKey(), e.getValue(), hasSize(1));
        }
        List<String> listed = ids(listAll(channel, SortOrder.ASCENDING));
        assertThat(listed, hasSize(tokens));
        Set<String> expected = new HashSet<>();
        idsByToken.values().forEach(expected::addAll);
        assertThat(new HashSet<>(listed), equalTo(expected));
    }

    @Test
    void pagingWhileOthersWriteHasNoDuplicatesAndNoGaps() throws Exception {
        int before = 30 * scale();
        int writes = 10 * scale();
        String channel = f.bookClub();
        for (int n = 0; n < before; n++) {
            send(channel, f.bob, "before " + n, null);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                go.await();
                for (int n = 0; n < writes; n++) {
                    send(channel, f.bob, "during " + writer + "/" + n, null);
                }
                return null;
            }));
        }
        Future<List<String>> newestFirst = pool.submit(() -> {
            go.await();
            return ids(pageThrough(channel, SortOrder.DESCENDING, 7));
        });
        Future<List<String>> oldestFirst = pool.submit(() -> {
            go.await();
            return ids(pageThrough(channel, SortOrder.ASCENDING, 7));
        });
        go.countDown();
        awaitAll(writers);
        List<String> descending = newestFirst.get(60, TimeUnit.SECONDS);
        List<String> ascending = oldestFirst.get(60, TimeUnit.SECONDS);

        List<String> finalNewestFirst = ids(listAll(channel, SortOrder.DESCENDING));
        assertThat(finalNewestFirst, hasSize(before + 3 * writes));
        // Newest first: from the first message the reader saw, every older message exactly once, in order.
        assertThat("newest-first paging saw messages", descending, not(empty()));
        int from = finalNewestFirst.indexOf(descending.get(0));
        assertThat(descending, equalTo(finalNewestFirst.subList(from, finalNewestFirst.size())));
        // Oldest first: a prefix of the final order, every message up to the last one seen exactly once.
        List<String> finalOldestFirst = new ArrayList<>(finalNewestFirst);
        java.util.Collections.reverse(finalOldestFirst);
        assertThat(ascending.size(), greaterThan(before - 1));
        assertThat(ascending, equalTo(finalOldestFirst.subList(0, ascending.size())));
    }

    @Test
    void bansMembershipChangesAndSendsRacingNeverLeaveABannedUserAMember() throws Exception {
        int rounds = 2 * scale();
        for (int round = 0; round < rounds; round++) {
            long seed = 7919L * round;
            String channel = f.channel(f.alice, "race" + round, ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
            f.member(channel, f.mallory);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> racers = new ArrayList<>();
            // Ada adds and removes Mallory, as either type; the last word is always a ban (below).
            for (int i = 0; i < 3; i++) {
                Random random = new Random(seed + i);
                racers.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < 12; n++) {
                        ignoringRefusals(() -> {
                            if (random.nextInt(3) == 0) {
                                f.messaging.deleteChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel)
                                        .memberArn(f.mallory));
                            } else {
                                ChannelMembershipType type = random.nextBoolean()
                                        ? ChannelMembershipType.DEFAULT : ChannelMembershipType.HIDDEN;
                                f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel)
                                        .memberArn(f.mallory).type(type));
                            }
                        });
                    }
                    return null;
                }));
            }
            // Mallory posts throughout.
            racers.add(pool.submit(() -> {
                go.await();
                for (int n = 0; n < 12; n++) {
                    String content = "still here " + n;
                    ignoringRefusals(() -> send(channel, f.mallory, content, null));
                }
                return null;
            }));
            // Ada bans and lifts the ban; her last act is a ban.
            Future<?> banner = pool.submit(() -> {
                go.await();
                for (int n = 0; n < 6; n++) {
                    ignoringRefusals(() -> f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel)
                            .memberArn(f.mallory)));
                    ignoringRefusals(() -> f.messaging.deleteChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel)
                            .memberArn(f.mallory)));
                }
                f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
                return null;
            });
            go.countDown();
            banner.get(60, TimeUnit.SECONDS);
            awaitAll(racers);
            // The adders may have finished before the last ban or after it: either way Mallory is out.
            f.messaging.describeChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
            String where = "round " + round + " (seed " + seed + ")";
            assertThrows(NotFoundException.class, () -> f.messaging.describeChannelMembership(r -> r
                    .chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory)), where);
            for (ChannelMembershipType type : List.of(ChannelMembershipType.DEFAULT, ChannelMembershipType.HIDDEN)) {
                Set<String> members = new HashSet<>();
                f.messaging.listChannelMemberships(r -> r.chimeBearer(f.ada).channelArn(channel).type(type))
                        .channelMemberships().forEach(m -> members.add(m.member().arn()));
                assertThat(where + ": " + type + " members", members.contains(f.mallory), equalTo(false));
            }
            assertThrows(ForbiddenException.class, () -> send(channel, f.mallory, "after the ban", null), where);
            assertThrows(ForbiddenException.class, () -> f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada)
                    .channelArn(channel).memberArn(f.mallory).type(ChannelMembershipType.DEFAULT)), where);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private String send(String channel, String sender, String content, String token) {
        return f.messaging.sendChannelMessage(r -> r.chimeBearer(sender).channelArn(channel).content(content)
                .type(ChannelMessageType.STANDARD).persistence(ChannelMessagePersistenceType.PERSISTENT)
                .clientRequestToken(token)).messageId();
    }

    /** Follows NextToken to the end with the largest page. */
    private List<ChannelMessageSummary> listAll(String channel, SortOrder order) {
        return pageThrough(channel, order, 50);
    }

    private List<ChannelMessageSummary> pageThrough(String channel, SortOrder order, int pageSize) {
        List<ChannelMessageSummary> all = new ArrayList<>();
        Set<String> seenTokens = new LinkedHashSet<>();
        String token = null;
        do {
            String next = token;
            ListChannelMessagesResponse page = f.messaging.listChannelMessages(r -> r.chimeBearer(f.alice)
                    .channelArn(channel).sortOrder(order).maxResults(pageSize).nextToken(next));
            all.addAll(page.channelMessages());
            token = page.nextToken();
            if (token != null && !seenTokens.add(token)) {
                throw new AssertionError("NextToken repeated: paging would never end");
            }
        } while (token != null);
        return all;
    }

    private static List<String> ids(List<ChannelMessageSummary> messages) {
        return messages.stream().map(ChannelMessageSummary::messageId).toList();
    }

    /** Runs a racing call; refusals the race makes legitimate (banned, not a member, gone) are expected. */
    private static void ignoringRefusals(Racing call) throws Exception {
        try {
            call.run();
        } catch (ForbiddenException | NotFoundException expected) {
            // the race decided against this call
        } catch (ChimeSdkMessagingException e) {
            if (e.statusCode() != 409) {
                throw e;
            }
            // ConflictException: the member was re-added as the other type meanwhile
        }
    }

    @FunctionalInterface
    private interface Racing {
        void run() throws Exception;
    }

    private static void awaitAll(List<Future<?>> work) throws Exception {
        for (Future<?> future : work) {
            future.get(60, TimeUnit.SECONDS);
        }
    }
}
