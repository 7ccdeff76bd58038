package com.feedbacksync.adapters.web.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a first sync as a PNG, without a display (headless AWT): above, Intercom calls per 10-s
 * window (answered, and 429s stacked on them) against a line at the per-window limit; below, the
 * documents in the database over time, on the same time axis.
 */
final class FirstSyncChart {

  static final int WIDTH = 1100;
  static final int HEIGHT = 700;

  private FirstSyncChart() {}

  static void write(Path png, ChartSeries series, long perWindowLimit, String title, String note)
      throws IOException {
    CombinedDomainXYPlot plot =
        new CombinedDomainXYPlot(new NumberAxis("seconds since the first call's window opened"));
    plot.setGap(12);
    plot.add(calls(series, perWindowLimit), 3);
    plot.add(documents(series), 2);
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.addSubtitle(new TextTitle(note, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
    chart.setBackgroundPaint(Color.WHITE);
    Files.createDirectories(png.toAbsolutePath().getParent());
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
  }

  private static XYPlot calls(ChartSeries series, long limit) {
    XYSeries answered = new XYSeries("calls answered", true, false);
    XYSeries refused = new XYSeries("429s", true, false);
    for (ChartSeries.Bar bar : series.bars()) {
      answered.add(bar.fromSecond(), bar.answered());
      refused.add(bar.fromSecond(), bar.refused());
    }
    DefaultTableXYDataset windows = new DefaultTableXYDataset();
    windows.addSeries(answered);
    windows.addSeries(refused);
    // Each bar covers its window: from its start, 10 s wide (a little less, to see them apart).
    windows.setIntervalWidth(CallWindows.WINDOW_MILLIS / 1000.0 * 0.9);
    windows.setIntervalPositionFactor(0.0);
    StackedXYBarRenderer renderer = new StackedXYBarRenderer();
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(0x4C, 0x72, 0xB0));
    renderer.setSeriesPaint(1, new Color(0xDD, 0x84, 0x52));
    NumberAxis axis = new NumberAxis("Intercom calls per 10-s window");
    axis.setUpperBound(limit * 1.25);
    XYPlot plot = new XYPlot(windows, null, axis, renderer);
    plot.setBackgroundPaint(new Color(0xF7, 0xF7, 0xF7));
    ValueMarker line = new ValueMarker(limit, new Color(0xC4, 0x1E, 0x3A), new BasicStroke(2f));
    line.setLabel(String.format("the limit: %,d calls per 10 s", limit));
    line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    line.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    plot.addRangeMarker(line);
    return plot;
  }

  private static XYPlot documents(ChartSeries series) {
    XYSeries documents = new XYSeries("documents in the database", true, true);
    for (ChartSeries.Point point : series.documents()) {
      documents.add(point.second(), point.documents());
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, new Color(0x55, 0xA8, 0x68));
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    XYPlot plot =
        new XYPlot(new XYSeriesCollection(documents), null, new NumberAxis("documents"), renderer);
    plot.setBackgroundPaint(new Color(0xF7, 0xF7, 0xF7));
    return plot;
  }
}
