package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.simulator.TimedCall;
import java.util.List;

/**
 * The least time a run's calls can take under a per-window limit, worked out from the calls (as the
 * simulator recorded them) and the limit alone, never from the product's figures.
 *
 * <p>The rule: windows are 10 s aligned to the clock, each answering at most {@code perWindow}
 * calls. {@code answered} calls need at least {@code k = ceil(answered / perWindow)} windows, the
 * first being the one the run's first call fell in; the last of them cannot open before {@code (k -
 * 1) x 10 s} after the first window opened, which is {@code offset} after the first call. So no run
 * making these calls can last less than {@code (k - 1) x 10 s - offset} (0 when they fit in one
 * window: then the limit does not bind and there is no ratio to take).
 *
 * @param answered the run's calls that were answered (429s took no budget)
 * @param perWindow the limit of one 10-s window (1,667 at 10,000 a minute)
 * @param offsetMillis how far into its window the run's first call fell
 */
record PacingFloor(long answered, long perWindow, long offsetMillis) {

  PacingFloor {
    if (perWindow <= 0) {
      throw new IllegalArgumentException("a floor needs a limit, got " + perWindow);
    }
  }

  /** The floor of these calls (in time order or not) under {@code perWindow}. */
  static PacingFloor of(List<TimedCall> calls, long perWindow) {
    long first = calls.stream().mapToLong(TimedCall::atEpochMillis).min().orElse(0);
    long answered = calls.stream().filter(c -> !c.refused()).count();
    return new PacingFloor(answered, perWindow, first - CallWindows.windowStart(first));
  }

  /** The fewest windows the calls fit in: {@code ceil(answered / perWindow)}. */
  long windows() {
    return (answered + perWindow - 1) / perWindow;
  }

  double seconds() {
    long millis = (windows() - 1) * CallWindows.WINDOW_MILLIS - offsetMillis;
    return Math.max(0, millis) / 1000.0;
  }

  /** Whether the limit binds at all: the calls need more than one window. */
  boolean binds() {
    return seconds() > 0;
  }

  /** The rule with this run's numbers, for the table. */
  String explain() {
    if (!binds()) {
      return String.format(
          "floor: %,d answered calls fit in ceil(%,d / %,d) = %d window; the limit does not bind",
          answered, answered, perWindow, windows());
    }
    return String.format(
        "floor = (ceil(%,d answered calls / %,d per window) - 1) x 10 s - %.1f s the first call"
            + " fell into its window = (%d - 1) x 10 s - %.1f s = %.1f s",
        answered, perWindow, offsetMillis / 1000.0, windows(), offsetMillis / 1000.0, seconds());
  }
}
