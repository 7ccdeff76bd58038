package com.feedbacksync.adapters.web.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.simulator.TimedCall;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's data preparation and the pacing floor, on hand-made calls and samples whose expected
 * values are worked out by hand; and the chart drawn without a display.
 */
class ChartSeriesTest {

  /** A window boundary: 1,800,000,000,000 ms is a multiple of 10,000. */
  private static final long T0 = 1_800_000_000_000L;

  private static TimedCall answered(long at) {
    return new TimedCall(at, "GET /conversations/{id}", false);
  }

  private static TimedCall refused(long at) {
    return new TimedCall(at, "GET /conversations/{id}", true);
  }

  /** Out of order on purpose; a window with no call between the second and the fourth. */
  private static final List<TimedCall> CALLS =
      List.of(
          answered(T0 + 35_000),
          answered(T0 + 9_999),
          refused(T0 + 10_001),
          answered(T0),
          answered(T0 + 10_000));

  @Test
  void counts_calls_in_clock_aligned_10_second_windows_empty_ones_kept() {
    assertEquals(
        List.of(
            new CallWindows.Window(T0, 2, 0),
            new CallWindows.Window(T0 + 10_000, 1, 1),
            new CallWindows.Window(T0 + 20_000, 0, 0),
            new CallWindows.Window(T0 + 30_000, 1, 0)),
        CallWindows.of(CALLS));
    assertEquals(List.of(), CallWindows.of(List.of()));
  }

  @Test
  void puts_bars_and_documents_on_one_axis_from_the_first_call_s_window() {
    List<DocumentSample> samples =
        List.of(
            new DocumentSample(T0 + 12_000, 150),
            new DocumentSample(T0 - 500, 0), // taken before the connect, before any call
            new DocumentSample(T0 + 5_250, 40));
    ChartSeries series = ChartSeries.of(CALLS, samples);
    assertEquals(T0, series.originEpochMillis());
    assertEquals(
        List.of(
            new ChartSeries.Bar(0.0, 2, 0),
            new ChartSeries.Bar(10.0, 1, 1),
            new ChartSeries.Bar(20.0, 0, 0),
            new ChartSeries.Bar(30.0, 1, 0)),
        series.bars());
    assertEquals(
        List.of(
            new ChartSeries.Point(-0.5, 0),
            new ChartSeries.Point(5.25, 40),
            new ChartSeries.Point(12.0, 150)),
        series.documents());
  }

  @Test
  void the_origin_is_the_window_start_when_the_first_call_comes_late_in_it() {
    ChartSeries series =
        ChartSeries.of(
            List.of(answered(T0 + 7_300), answered(T0 + 12_000)),
            List.of(new DocumentSample(T0 + 8_000, 3)));
    assertEquals(T0, series.originEpochMillis());
    assertEquals(
        List.of(new ChartSeries.Bar(0.0, 1, 0), new ChartSeries.Bar(10.0, 1, 0)), series.bars());
    assertEquals(List.of(new ChartSeries.Point(8.0, 3)), series.documents());
  }

  /** {@code n} answered calls at {@code at}, and {@code refusedToo} 429s at the same time. */
  private static List<TimedCall> burst(long at, int n, int refusedToo) {
    List<TimedCall> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(answered(at));
    }
    for (int i = 0; i < refusedToo; i++) {
      calls.add(refused(at));
    }
    return calls;
  }

  @Test
  void the_floor_needs_ceil_calls_over_the_limit_windows_less_the_first_call_s_offset() {
    // 3,335 calls at 1,667 a window: 3 windows; first call 4 s into its window: 2 x 10 - 4 = 16.
    List<TimedCall> calls = new ArrayList<>(burst(T0 + 24_000, 1_000, 0));
    calls.addAll(burst(T0 + 30_000, 2_335, 5)); // the 429s take no budget
    PacingFloor floor = PacingFloor.of(calls, 1_667);
    assertEquals(new PacingFloor(3_335, 1_667, 4_000), floor);
    assertEquals(3, floor.windows());
    assertEquals(16.0, floor.seconds(), 1e-9);
    assertTrue(floor.binds());
  }

  @Test
  void the_floor_at_the_edges_of_a_window_count() {
    assertEquals(2, new PacingFloor(3_334, 1_667, 0).windows(), "exactly two windows' worth");
    assertEquals(10.0, new PacingFloor(3_334, 1_667, 0).seconds(), 1e-9);
    assertEquals(3, new PacingFloor(3_335, 1_667, 0).windows(), "one call more: a third window");
    assertEquals(6.5, new PacingFloor(3_334, 1_667, 3_500).seconds(), 1e-9);
    PacingFloor one = new PacingFloor(1_667, 1_667, 2_000);
    assertEquals(1, one.windows());
    assertEquals(0.0, one.seconds(), 1e-9);
    assertFalse(one.binds(), "calls that fit in one window are not held back by the limit");
  }

  @Test
  void draws_a_png_of_the_asked_size_without_a_display(@TempDir Path dir) throws Exception {
    List<DocumentSample> samples =
        List.of(new DocumentSample(T0 + 1_000, 0), new DocumentSample(T0 + 30_000, 200));
    Path png = dir.resolve("chart/first-sync.png");
    FirstSyncChart.write(png, ChartSeries.of(CALLS, samples), 2, "a first sync", "hand-made");
    BufferedImage image = ImageIO.read(Files.newInputStream(png));
    assertEquals(FirstSyncChart.WIDTH, image.getWidth());
    assertEquals(FirstSyncChart.HEIGHT, image.getHeight());
  }
}
