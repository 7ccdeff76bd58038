package com.feedbacksync.adapters.web.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.feedbacksync.adapters.web.support.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/** B5's readers: 16 clients on the document list and Document Info, their latencies. */
final class AdminReads {

  private AdminReads() {}

  /**
   * 16 clients reading the document list and Document Info for a while; latencies in ms, and the
   * CPU each party spent while they were measured.
   */
  static Latencies reads(
      ApiClient api, String token, List<String> ids, Duration duration, CpuAccount cpu)
      throws Exception {
    List<Double> list = Collections.synchronizedList(new ArrayList<>());
    List<Double> info = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean go = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(16);
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    for (int c = 0; c < 16; c++) {
      int client = c;
      running.add(
          clients.submit(
              () -> {
                ApiClient own = new ApiClient(api.uri("").toURL());
                while (go.get()) {
                  boolean listing = client % 2 == 0;
                  String path =
                      listing
                          ? "api/v1/documents?limit=25"
                          : "api/v1/documents/"
                              + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))
                              + "/info";
                  long t = System.nanoTime();
                  int status = own.get(path, token).statusCode();
                  double ms = (System.nanoTime() - t) / 1e6;
                  assertEquals(200, status, path);
                  (listing ? list : info).add(ms);
                }
                return null;
              }));
    }
    // The first second warms connections and caches; the window after it is measured.
    Thread.sleep(1000);
    list.clear();
    info.clear();
    CpuAccount.Snapshot from = cpu.now();
    Thread.sleep(duration.toMillis());
    CpuAccount.Snapshot spent = cpu.now().minus(from);
    go.set(false);
    for (var f : running) {
      f.get();
    }
    clients.shutdown();
    return new Latencies(List.copyOf(list), List.copyOf(info), spent);
  }

  record Latencies(List<Double> list, List<Double> info, CpuAccount.Snapshot cpu) {

    long requests() {
      return list.size() + info.size();
    }

    double p(List<Double> values, int percentile) {
      List<Double> sorted = values.stream().sorted().toList();
      return sorted.isEmpty()
          ? -1
          : sorted.get(
              Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    Map<String, Object> toMap() {
      return Map.of(
          "list_requests", list.size(),
          "list_p50_ms", p(list, 50),
          "list_p99_ms", p(list, 99),
          "info_requests", info.size(),
          "info_p50_ms", p(info, 50),
          "info_p99_ms", p(info, 99),
          "cpu_ms_per_request", cpu.msPer(requests()),
          "machine_steal_share", cpu.stealShare());
    }
  }
}
