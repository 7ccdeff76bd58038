package com.feedbacksync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures how many requests a second the simulator serves on loopback, so a benchmark knows it is
 * not the bottleneck. Prints the figures; asserts only that every answer was right, never a time.
 */
@Tag("slow")
class SimulatorThroughputTest {

  @Test
  void serves_retrieves_concurrently_and_reports_requests_per_second() throws Exception {
    try (IntercomSimulator sim =
        IntercomSimulator.start(SimulatorConfig.defaults(1, 3000).withRatePerMinute(0))) {
      List<Model.Conversation> all = sim.snapshot().conversations();
      for (int threads : new int[] {1, 8}) {
        run(sim, all, threads, 1000); // warm-up
        long start = System.nanoTime();
        int ok = run(sim, all, threads, 3000);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(3000, ok);
        System.out.printf(
            "simulator: GET /conversations/{id} with %d client thread(s): %.0f requests/s%n",
            threads, 3000 / seconds);
      }
    }
  }

  /** B6's simulator: a thousand workspaces of 50 conversations, how long and how much heap. */
  @Test
  void generates_a_thousand_workspaces_and_reports_time_and_heap() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();
    long start = System.nanoTime();
    try (IntercomSimulator sim =
        IntercomSimulator.start(SimulatorConfig.defaults(1, 50).withWorkspaces(1000, 50))) {
      double seconds = (System.nanoTime() - start) / 1e9;
      System.gc();
      long heap = runtime.totalMemory() - runtime.freeMemory() - heapBefore;
      assertEquals(1000, sim.workspaceCount());
      assertEquals(
          sim.workspace(999).oracle().qualifyingNewestFirst().size()
              + sim.workspace(999).oracle().skippedWithoutReply().size(),
          50,
          "every conversation of the last workspace is kept or skipped");
      System.out.printf(
          "simulator: 1,000 workspaces of 50 conversations generated in %.2f s, %d MB of heap%n",
          seconds, heap >> 20);
    }
  }

  private static int run(
      IntercomSimulator sim, List<Model.Conversation> all, int threads, int requests)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SimClient client = new SimClient(sim.baseUri(), "sim-token");
        futures.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < requests) {
                    if (client.get("/conversations/" + all.get(i % all.size()).id).status()
                        == 200) {
                      ok.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return ok.get();
  }
}
