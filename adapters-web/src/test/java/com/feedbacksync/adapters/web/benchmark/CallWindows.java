package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.simulator.TimedCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Intercom's rate-limit windows as the simulator keeps them: 10 seconds aligned to the clock (epoch
 * milliseconds / 10,000), a call counted in the window its time falls in. Windows without calls
 * between the first and the last are kept, with no calls: a pause shows in a chart.
 */
final class CallWindows {

  static final long WINDOW_MILLIS = 10_000;

  /** The calls of one window: answered, and refused with a 429. */
  record Window(long startEpochMillis, int answered, int refused) {
    int calls() {
      return answered + refused;
    }
  }

  private CallWindows() {}

  /** The start of the window {@code epochMillis} falls in. */
  static long windowStart(long epochMillis) {
    return Math.floorDiv(epochMillis, WINDOW_MILLIS) * WINDOW_MILLIS;
  }

  /** The windows from the first call's to the last call's, in order; none for no calls. */
  static List<Window> of(List<TimedCall> calls) {
    if (calls.isEmpty()) {
      return List.of();
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (TimedCall call : calls) {
      first = Math.min(first, call.atEpochMillis());
      last = Math.max(last, call.atEpochMillis());
    }
    long from = Math.floorDiv(first, WINDOW_MILLIS);
    int count = (int) (Math.floorDiv(last, WINDOW_MILLIS) - from + 1);
    int[] answered = new int[count];
    int[] refused = new int[count];
    for (TimedCall call : calls) {
      int i = (int) (Math.floorDiv(call.atEpochMillis(), WINDOW_MILLIS) - from);
      if (call.refused()) {
        refused[i]++;
      } else {
        answered[i]++;
      }
    }
    List<Window> windows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      windows.add(new Window((from + i) * WINDOW_MILLIS, answered[i], refused[i]));
    }
    return windows;
  }
}
