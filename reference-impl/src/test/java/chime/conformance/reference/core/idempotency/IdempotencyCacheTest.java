package chime.conformance.reference.core.idempotency;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.reference.MutableClock;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.error.ErrorType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The cache against a plain model of what it promises: one effect per token and scope, the first result for a
 * repeat, a conflict for other parameters, the oldest records going past the bound or the age, and the records
 * of deleted resources going with them, through many records coming and going, so that its tables grow and
 * lose entries in every order.
 */
class IdempotencyCacheTest {

    /** What a record names and answers, and when its call was made, as the model keeps it. */
    private record Kept(List<String> scope, String created, long madeAt) {
    }

    private static final long MAX_AGE = Duration.ofMinutes(10).toMillis();

    private static final String[] APPS = {"app-0", "app-1", "app-2"};
    private static final String[] BEARERS = {"user-0", "user-1", "user-2", "user-3"};

    @Test
    void behavesAsTheModelThroughManyRecordsComingAndGoing() {
        for (int bound : new int[] {1, 7, 64, 100}) {
            Random random = new Random(bound);
            MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
            IdempotencyCache cache = new IdempotencyCache(clock, new IdempotencyCache.Retention(Duration.ofMillis(MAX_AGE), bound));
            // The model: records in the order their calls finished, oldest first.
            LinkedHashMap<List<String>, Kept> model = new LinkedHashMap<>();
            List<List<String>> used = new ArrayList<>();
            AtomicInteger effects = new AtomicInteger();
            for (int step = 0; step < 20_000; step++) {
                int what = random.nextInt(100);
                if (what < 80 || used.isEmpty()) {
                    // A call first drops the records past their age (those made at or before now - max age).
                    long limit = clock.millis() - MAX_AGE;
                    model.values().removeIf(k -> k.madeAt() <= limit);
                }
                if (what < 55 || used.isEmpty()) {
                    List<String> scope = List.of("Send", APPS[random.nextInt(APPS.length)],
                            BEARERS[random.nextInt(BEARERS.length)],
                            random.nextBoolean() ? UUID.randomUUID().toString() : "token-" + step);
                    String created = "id-" + step;
                    String result = cache.once(scope, "p", () -> {
                        effects.incrementAndGet();
                        return created;
                    });
                    assertThat(result, equalTo(created));
                    model.put(scope, new Kept(scope, created, clock.millis()));
                    used.add(scope);
                } else if (what < 80) {
                    List<String> scope = used.get(random.nextInt(used.size()));
                    Kept kept = model.get(scope);
                    int before = effects.get();
                    String created = "id-" + step;
                    if (kept != null && random.nextInt(4) == 0) {
                        ApiError conflict = assertThrows(ApiError.class,
                                () -> cache.once(scope, "other", () -> created), "a kept token with other parameters");
                        assertThat(conflict.type(), is(ErrorType.CONFLICT));
                        assertThat(effects.get(), is(before));
                        continue;
                    }
                    String result = cache.once(scope, "p", () -> {
                        effects.incrementAndGet();
                        return created;
                    });
                    if (kept != null) {
                        assertThat("a kept token answers its first result", result, equalTo(kept.created()));
                        assertThat(effects.get(), is(before));
                    } else {
                        assertThat("a token no longer kept acts anew", result, equalTo(created));
                        assertThat(effects.get(), is(before + 1));
                        model.put(scope, new Kept(scope, created, clock.millis()));
                    }
                } else if (what < 88 && !model.isEmpty()) {
                    Kept victim = pick(model, random);
                    cache.forgetCreated(victim.created());
                    model.remove(victim.scope());
                } else if (what < 90) {
                    String resource = random.nextBoolean() ? APPS[random.nextInt(APPS.length)]
                            : BEARERS[random.nextInt(BEARERS.length)];
                    cache.forget(resource);
                    model.values().removeIf(k -> k.scope().get(1).equals(resource) || k.scope().get(2).equals(resource));
                } else if (what < 91) {
                    clock.advance(Duration.ofMinutes(6));
                } else {
                    clock.advance(Duration.ofMillis(1));
                }
                while (model.size() > bound) {
                    Iterator<Kept> oldest = model.values().iterator();
                    oldest.next();
                    oldest.remove();
                }
                assertThat("records kept, bound " + bound + ", step " + step, cache.size(), is(model.size()));
            }
            long limit = clock.millis() - MAX_AGE;
            model.values().removeIf(k -> k.madeAt() <= limit);
            for (Kept kept : List.copyOf(model.values())) {
                assertThat(cache.once(kept.scope(), "p", () -> "again"), equalTo(kept.created()));
            }
        }
    }

    private static Kept pick(LinkedHashMap<List<String>, Kept> model, Random random) {
        int n = random.nextInt(model.size());
        Iterator<Kept> it = model.values().iterator();
        for (int i = 0; i < n; i++) {
            it.next();
        }
        return it.next();
    }

    @Test
    void racingCallsWithOneTokenHaveOneEffect() throws Exception {
        IdempotencyCache cache = new IdempotencyCache(Clock.systemUTC(), IdempotencyCache.Retention.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                List<String> scope = List.of("Send", "app", "user", "race-" + round);
                AtomicInteger effects = new AtomicInteger();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> answers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return cache.once(scope, "p", () -> "made-" + effects.incrementAndGet());
                    }));
                }
                start.countDown();
                for (Future<String> answer : answers) {
                    assertThat(answer.get(10, TimeUnit.SECONDS), equalTo("made-1"));
                }
                assertThat(effects.get(), is(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedFirstCallLeavesNothingAndTheWaitingCallTriesAgain() throws Exception {
        IdempotencyCache cache = new IdempotencyCache(Clock.systemUTC(), IdempotencyCache.Retention.defaults());
        List<String> scope = List.of("Send", "app", "user", "fails-first");
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> cache.once(scope, "p", () -> {
                firstRunning.countDown();
                await(release);
                throw new IllegalStateException("refused");
            }));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS), is(true));
            Future<String> second = pool.submit(() -> cache.once(scope, "p", () -> "second"));
            assertThat("a call still running counts", cache.size(), is(1));
            release.countDown();
            assertThrows(Exception.class, () -> first.get(10, TimeUnit.SECONDS));
            assertThat(second.get(10, TimeUnit.SECONDS), equalTo("second"));
            assertThat(cache.size(), is(1));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
