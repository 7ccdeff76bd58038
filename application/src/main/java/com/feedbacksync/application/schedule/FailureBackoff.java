package com.feedbacksync.application.schedule;

import com.feedbacksync.application.port.out.SyncRuns.FailureStreak;
import com.feedbacksync.domain.account.AccountId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * When an account whose runs keep failing may start the next one: {@code first} after its first
 * failure, twice as long after each further one (1, 2, 4 ... minutes), never longer than {@code
 * max}; each wait shortened by up to a quarter (jitter), so accounts that failed together (an
 * Intercom outage) do not all come back at once. The jitter is drawn from the account and the
 * streak's length, so every tick and every server computes the same instant.
 */
public record FailureBackoff(Duration first, Duration max) {

  public static final FailureBackoff DEFAULT =
      new FailureBackoff(Duration.ofMinutes(1), Duration.ofMinutes(60));

  public FailureBackoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= max");
    }
  }

  /** The earliest the account's next run may start. */
  public Instant next(AccountId account, FailureStreak streak) {
    return streak.lastFinished().plus(wait(account, streak.failures()));
  }

  Duration wait(AccountId account, int failures) {
    long full = first.toMillis() << Math.min(failures - 1, 30);
    long capped = full <= 0 || full > max.toMillis() ? max.toMillis() : full;
    CRC32 crc = new CRC32();
    crc.update((account.value() + "#" + failures).getBytes(StandardCharsets.UTF_8));
    double draw = (crc.getValue() % 10_000) / 10_000.0;
    return Duration.ofMillis(capped - (long) (capped * 0.25 * draw));
  }

  /** Why the next run waits, in words an admin reads. */
  public static String reason(FailureStreak streak) {
    return (streak.failures() == 1
            ? "The last sync failed"
            : "The last " + streak.failures() + " syncs failed")
        + (streak.reason().isBlank() ? "" : " (" + streak.reason() + ")")
        + "; the next one waits, longer after each failure, up to an hour.";
  }
}
