package com.feedbacksync.application.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchersTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @ParameterizedTest(name = "{0} items on {1} threads")
  @CsvSource({"0, 4", "1, 4", "2, 1", "7, 3", "150, 8", "151, 12", "200, 2"})
  void results_keep_the_pages_order(int size, int threads) {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      List<Integer> items = IntStream.range(0, size).boxed().toList();
      assertEquals(
          items.stream().map(i -> i * 2).toList(),
          new Fetchers(executor, threads).map(items, i -> i * 2));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void a_failure_is_thrown_as_it_was_even_when_fetchers_racing_it_stopped_earlier_items() {
    // A fetcher that took an item just before a later item's fetch failed must still fetch it:
    // the caller, taking items in order, meets that item first, and must get its result or the
    // failure, never a cancellation the sync cannot read. The race is a preemption between two
    // statements: SyncServiceTest met it once in a CI trial; these rounds did not on this machine,
    // so this is a guard, and Fetching.take() closes the window by construction.
    IllegalStateException boom = new IllegalStateException("Intercom is down");
    for (int round = 0; round < 3_000; round++) {
      int failing = 1 + round % 7;
      Fetchers.Fetching<Integer> fetching =
          new Fetchers(pool, 8)
              .each(
                  IntStream.range(0, 16).boxed().toList(),
                  i -> {
                    if (i == failing) {
                      throw boom;
                    }
                    return i;
                  },
                  32);
      try (fetching) {
        for (int i = 0; i < failing; i++) {
          assertEquals(i, fetching.get(i), "item " + i + " of round " + round);
        }
        assertSame(boom, assertThrows(RuntimeException.class, () -> fetching.get(failing)));
      }
    }
  }

  @Test
  void fetches_at_most_parallelism_at_once_and_more_than_one_when_allowed() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    new Fetchers(pool, 3)
        .map(
            IntStream.range(0, 60).boxed().toList(),
            i -> {
              peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              try {
                Thread.sleep(2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inFlight.decrementAndGet();
              return i;
            });
    assertTrue(peak.get() <= 3, "peak " + peak.get());
    assertTrue(peak.get() > 1, "peak " + peak.get());
  }

  @Test
  void the_first_failure_is_thrown_as_it_was_and_stops_the_rest() {
    IllegalStateException revoked = new IllegalStateException("revoked");
    AtomicInteger fetched = new AtomicInteger();
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Fetchers(pool, 2)
                    .map(
                        IntStream.range(0, 1000).boxed().toList(),
                        i -> {
                          fetched.incrementAndGet();
                          if (i == 3) {
                            throw revoked;
                          }
                          return i;
                        }));
    assertSame(revoked, thrown);
    assertTrue(fetched.get() < 1000, "stopped after " + fetched.get());
  }

  @Test
  void each_hands_results_over_in_order_and_runs_no_more_than_the_lookahead_ahead() {
    AtomicInteger started = new AtomicInteger();
    List<Integer> items = IntStream.range(0, 100).boxed().toList();
    try (var fetching =
        new Fetchers(pool, 4)
            .each(
                items,
                i -> {
                  started.incrementAndGet();
                  return i * 3;
                },
                10)) {
      for (int i = 0; i < 30; i++) {
        assertEquals(i * 3, fetching.get(i));
        int ahead = started.get() - (i + 1);
        assertTrue(ahead <= 10, "fetched " + ahead + " beyond what was taken");
      }
    }
    sleepBriefly();
    assertTrue(started.get() <= 40, "closing stopped the fetchers at " + started.get());
  }

  @Test
  void each_gives_the_failure_as_it_was_at_its_place_and_what_came_before_it() {
    IllegalStateException revoked = new IllegalStateException("revoked");
    try (var fetching =
        new Fetchers(pool, 3)
            .each(
                IntStream.range(0, 50).boxed().toList(),
                i -> {
                  if (i == 7) {
                    throw revoked;
                  }
                  return i;
                },
                5)) {
      for (int i = 0; i < 7; i++) {
        assertEquals(i, fetching.get(i));
      }
      assertSame(revoked, assertThrows(IllegalStateException.class, () -> fetching.get(7)));
    }
    var once =
        Fetchers.ONE.each(
            List.of(1, 2),
            i -> {
              throw revoked;
            },
            1);
    assertSame(revoked, assertThrows(IllegalStateException.class, () -> once.get(0)));
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void one_at_a_time_runs_on_the_callers_thread() {
    Thread caller = Thread.currentThread();
    Fetchers.ONE.map(
        List.of(1, 2, 3),
        i -> {
          assertSame(caller, Thread.currentThread());
          return i;
        });
    assertThrows(IllegalArgumentException.class, () -> new Fetchers(pool, 0));
  }
}
