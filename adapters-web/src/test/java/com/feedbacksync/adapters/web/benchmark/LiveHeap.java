package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.adapters.web.support.LibertyServer;
import com.feedbacksync.simulator.IntercomSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * B4's figure: what the server keeps alive while a first sync runs, read by a full collection
 * ({@code jcmd GC.run}) ten times, when the sync has retrieved 5 %, 15 %, ..., 95 % of its
 * conversations (never at its end, when what it held is already let go).
 *
 * <p>Why not the heap G1 logs after its young collections: that also holds old garbage no marking
 * cycle has reclaimed yet, and how much depends on when G1 starts a cycle (at 45 % occupancy), not
 * on what the run keeps; a run ten times longer reaches that occupancy and a short one does not.
 * The full collections cost the run time, so this runs on a sync of its own, never B3's timed one.
 */
final class LiveHeap implements AutoCloseable {

  private static final Pattern JCMD_GC_AFTER =
      Pattern.compile("Pause Full \\(Diagnostic Command\\) \\d+M->(\\d+)M\\(");
  private static final int SAMPLES = 10;

  private final LibertyServer server;
  private final IntercomSimulator sim;
  private final long retrieves;
  private final List<Sample> samples = new ArrayList<>();
  private volatile boolean stopped;
  private final CompletableFuture<Void> sampling;

  private LiveHeap(LibertyServer server, IntercomSimulator sim, long retrieves) {
    this.server = server;
    this.sim = sim;
    this.retrieves = retrieves;
    this.sampling = CompletableFuture.runAsync(this::sample);
  }

  /**
   * Starts sampling the server's live heap as a first sync of {@code sim} retrieves its {@code
   * retrieves} conversations (the oracle's count, not the product's).
   */
  static LiveHeap during(LibertyServer server, IntercomSimulator sim, long retrieves) {
    if (retrieves < SAMPLES) {
      throw new IllegalArgumentException("too few conversations to sample: " + retrieves);
    }
    return new LiveHeap(server, sim, retrieves);
  }

  private void sample() {
    int taken = 0;
    while (!stopped && taken < SAMPLES) {
      long done = sim.counters().calls("GET /conversations/{id}");
      if (done >= retrieves * (2L * taken + 1) / (2L * SAMPLES)) {
        long mb = collect();
        samples.add(new Sample(sim.counters().calls("GET /conversations/{id}"), mb));
        taken++;
      } else {
        sleep();
      }
    }
  }

  /** One full collection in the server; the heap it left, from the server's GC log. */
  private long collect() {
    try {
      int before = afterJcmdGcs().size();
      String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
      Process p =
          new ProcessBuilder(jcmd, String.valueOf(server.pid()), "GC.run")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd GC.run failed: " + out);
      }
      List<Long> after = afterJcmdGcs();
      if (after.size() != before + 1) {
        throw new IllegalStateException(
            "jcmd GC.run logged " + (after.size() - before) + " full collections, not one");
      }
      return after.get(after.size() - 1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<Long> afterJcmdGcs() throws IOException {
    List<Long> mb = new ArrayList<>();
    for (String line : Files.readAllLines(server.file("logs/gc.log"))) {
      Matcher m = JCMD_GC_AFTER.matcher(line);
      if (m.find()) {
        mb.add(Long.parseLong(m.group(1)));
      }
    }
    return mb;
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One full collection: the conversations retrieved when it ended, and the heap it left. */
  record Sample(long retrieved, long mb) {
    @Override
    public String toString() {
      return mb + " MB at " + retrieved;
    }
  }

  /** The ten samples once the sync has ended; fails if it retrieved too few to take them. */
  List<Sample> samples() throws Exception {
    sampling.get(2, TimeUnit.MINUTES);
    return List.copyOf(samples);
  }

  @Override
  public void close() {
    stopped = true;
  }
}
