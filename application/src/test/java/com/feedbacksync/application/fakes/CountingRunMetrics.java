package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.port.out.RunMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake of the {@link RunMetrics} port: what was counted, in order, as lines a test can read. */
public final class CountingRunMetrics implements RunMetrics {

  private final List<String> ended = new ArrayList<>();
  private final AtomicInteger takeOvers = new AtomicInteger();

  @Override
  public synchronized void ended(SyncKind kind, RunState state, Duration took, RunCounts counts) {
    ended.add(
        kind
            + " "
            + state
            + " "
            + took.toMillis()
            + "ms kept="
            + counts.kept()
            + " profiles="
            + counts.profiles());
  }

  @Override
  public void leaseTakenOver() {
    takeOvers.incrementAndGet();
  }

  /** Each ended run as "KIND STATE 123ms kept=1 profiles=2". */
  public synchronized List<String> ended() {
    return List.copyOf(ended);
  }

  public int takeOvers() {
    return takeOvers.get();
  }
}
