package com.feedbacksync.adapters.intercom;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one workspace's calls inside Intercom's rate limit: it follows the X-RateLimit-* headers
 * (the budget left in the current 10-second window and when it resets) and, when the budget is
 * spent, waits for the next window instead of drawing a 429. Shared by all threads syncing the
 * workspace.
 */
final class Pacer {

  /**
   * Waits past the reset second by a little, so clocks a few ms apart never land in the old window.
   */
  private static final long MIN_JITTER_MILLIS = 20;

  private static final long MAX_JITTER_MILLIS = 120;

  private final Clock clock;
  private final PacingMeter meter;
  private long remaining = Long.MAX_VALUE;
  private long resetAtMillis;
  private final AtomicLong waits = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();

  Pacer(Clock clock, PacingMeter meter) {
    this.clock = clock;
    this.meter = meter;
  }

  /** Before a call: waits for the next window if this one's budget is spent, then takes one. */
  void acquire() throws InterruptedException {
    long sleep;
    synchronized (this) {
      long now = clock.millis();
      if (now >= resetAtMillis) {
        remaining = Math.max(remaining, 1); // a new window: the next answer tells the real budget
      }
      sleep = remaining <= 0 ? resetAtMillis - now + jitter() : 0;
      remaining--;
    }
    if (sleep > 0) {
      waits.incrementAndGet();
      Thread.sleep(sleep);
      meter.waited(Duration.ofMillis(sleep));
    }
    calls.incrementAndGet();
  }

  /** After an answer: what Intercom says is left, and when the window resets. */
  synchronized void observe(Reply reply) {
    long reset = reply.header("X-RateLimit-Reset").map(Pacer::parse).orElse(-1L);
    long left = reply.header("X-RateLimit-Remaining").map(Pacer::parse).orElse(-1L);
    if (reset > 0) {
      long resetMillis = reset * 1000;
      if (resetMillis > resetAtMillis) {
        resetAtMillis = resetMillis;
        remaining = left >= 0 ? left : remaining;
      } else if (resetMillis == resetAtMillis && left >= 0) {
        remaining = Math.min(remaining, left);
      }
    }
  }

  /** A 429: nothing more until the window resets. */
  void rateLimited(Reply reply) throws InterruptedException {
    long sleep;
    synchronized (this) {
      observe(reply);
      remaining = 0;
      long now = clock.millis();
      if (resetAtMillis <= now) {
        resetAtMillis = now + 1000; // no usable Reset header: wait a second
      }
      sleep = resetAtMillis - now + jitter();
    }
    waits.incrementAndGet();
    Thread.sleep(sleep);
  }

  long waits() {
    return waits.get();
  }

  long calls() {
    return calls.get();
  }

  private static long jitter() {
    return ThreadLocalRandom.current().nextLong(MIN_JITTER_MILLIS, MAX_JITTER_MILLIS);
  }

  private static long parse(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
