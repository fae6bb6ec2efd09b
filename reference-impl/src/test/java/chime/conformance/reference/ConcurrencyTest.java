package chime.conformance.reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.SortOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConcurrencyTest {

    private static final int SENDERS = 8;
    private static final int MESSAGES_PER_SENDER = 200;

    private final Fixture f = new Fixture();
    private final ExecutorService pool = Executors.newFixedThreadPool(SENDERS);

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        f.close();
    }

    @Test
    void everyAcknowledgedMessageIsListedExactlyOnce() throws Exception {
        String channel = f.channel(f.alice, "busy", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            String sender = f.user(f.appInstanceArn, "sender" + i, "Sender " + i);
            f.member(channel, sender);
            senders.add(sender);
        }
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (String sender : senders) {
            work.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < MESSAGES_PER_SENDER; n++) {
                    int number = n;
                    acknowledged.add(f.messaging.sendChannelMessage(r -> r.chimeBearer(sender).channelArn(channel)
                            .content("message " + number).type(ChannelMessageType.STANDARD)
                            .persistence(ChannelMessagePersistenceType.PERSISTENT)).messageId());
                }
                return null;
            }));
        }
        // A reader pages through the channel while the senders write: tokens stay valid.
        Future<Integer> reader = pool.submit(() -> {
            start.await();
            int pages = 0;
            String token = null;
            do {
                String next = token;
                token = f.messaging.listChannelMessages(r -> r.chimeBearer(f.alice).channelArn(channel)
                        .sortOrder(SortOrder.ASCENDING).maxResults(50).nextToken(next)).nextToken();
                pages++;
            } while (token != null);
            return pages;
        });
        start.countDown();
        for (Future<?> future : work) {
            future.get(30, TimeUnit.SECONDS);
        }
        assertThat(reader.get(30, TimeUnit.SECONDS), greaterThan(0));

        assertThat(acknowledged.size(), equalTo(SENDERS * MESSAGES_PER_SENDER));
        List<String> listed = new ArrayList<>();
        Instant previous = null;
        String token = null;
        do {
            String next = token;
            ListChannelMessagesResponse page = f.messaging.listChannelMessages(r -> r.chimeBearer(f.alice)
                    .channelArn(channel).sortOrder(SortOrder.ASCENDING).maxResults(50).nextToken(next));
            for (ChannelMessageSummary message : page.channelMessages()) {
                listed.add(message.messageId());
                if (previous != null) {
                    assertThat(message.createdTimestamp(), greaterThan(previous));
                }
                previous = message.createdTimestamp();
            }
            token = page.nextToken();
        } while (token != null);
        assertThat(listed.size(), equalTo(acknowledged.size()));
        assertThat(new HashSet<>(listed), equalTo(new HashSet<>(acknowledged)));
    }

    @Test
    void aBanRacingWithAddsNeverLeavesTheBannedUserAMember() throws Exception {
        for (int round = 0; round < 20; round++) {
            String channel = f.channel(f.alice, "race" + round, ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> adders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                adders.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < 20; n++) {
                        try {
                            f.messaging.createChannelMembership(r -> r.chimeBearer(f.ada).channelArn(channel)
                                    .memberArn(f.mallory).type(ChannelMembershipType.DEFAULT));
                        } catch (ForbiddenException banned) {
                            // expected once the ban is in place
                        }
                    }
                    return null;
                }));
            }
            Future<?> ban = pool.submit(() -> {
                start.await();
                f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
                return null;
            });
            start.countDown();
            ban.get(10, TimeUnit.SECONDS);
            for (Future<?> adder : adders) {
                adder.get(10, TimeUnit.SECONDS);
            }
            assertThrows(NotFoundException.class, () -> f.messaging.describeChannelMembership(r -> r.chimeBearer(f.ada)
                    .channelArn(channel).memberArn(f.mallory)));
            Set<String> members = new HashSet<>();
            f.messaging.listChannelMemberships(r -> r.chimeBearer(f.ada).channelArn(channel)).channelMemberships()
                    .forEach(m -> members.add(m.member().arn()));
            assertThat(members.contains(f.mallory), equalTo(false));
        }
    }
}
