package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.simulator.TimedCall;
import java.util.Comparator;
import java.util.List;

/**
 * What the chart of a first sync draws, on one time axis in seconds from the opening of the window
 * of the first call: the calls per 10-s window (each bar from its window's start), and the
 * documents counted at each sample.
 *
 * @param originEpochMillis the opening of the first call's window: second 0
 */
record ChartSeries(long originEpochMillis, List<Bar> bars, List<Point> documents) {

  /** One window's calls, from {@code fromSecond} for 10 seconds. */
  record Bar(double fromSecond, int answered, int refused) {}

  /** The documents counted {@code second} seconds after the origin. */
  record Point(double second, long documents) {}

  static ChartSeries of(List<TimedCall> calls, List<DocumentSample> samples) {
    if (calls.isEmpty()) {
      throw new IllegalArgumentException("no calls to chart");
    }
    List<CallWindows.Window> windows = CallWindows.of(calls);
    long origin = windows.get(0).startEpochMillis();
    List<Bar> bars =
        windows.stream()
            .map(w -> new Bar((w.startEpochMillis() - origin) / 1000.0, w.answered(), w.refused()))
            .toList();
    List<Point> documents =
        samples.stream()
            .sorted(Comparator.comparingLong(DocumentSample::atEpochMillis))
            .map(s -> new Point((s.atEpochMillis() - origin) / 1000.0, s.documents()))
            .toList();
    return new ChartSeries(origin, bars, documents);
  }
}
