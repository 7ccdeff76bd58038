package com.feedbacksync.adapters.intercom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Intercom calls and 429 waits by endpoint, and the time the pacing held calls back, as
 * MicroProfile metrics ({@code feedbacksync_intercom_calls_total}, {@code
 * feedbacksync_intercom_rate_limited_total}, {@code feedbacksync_intercom_pacing_wait_seconds_*} at
 * {@code /metrics}). The endpoint is the only label: a handful of values, never an account or an
 * id. The pacing's wait has none: the pacer holds back whichever call comes next.
 */
@ApplicationScoped
public class IntercomCallMetrics implements CallMeter, PacingMeter {

  static final String CALLS = "feedbacksync.intercom.calls";
  static final String RATE_LIMITED = "feedbacksync.intercom.rate.limited";
  static final String PACING_WAIT = "feedbacksync.intercom.pacing.wait";

  @Inject MetricRegistry metrics;

  // The registry's lookup builds and validates a metric id at every call (a profile of a first
  // sync found it allocating about 19 KB a call); the endpoints are a handful, so each counter is
  // looked up once.
  private final Map<String, Counter> calls = new ConcurrentHashMap<>();
  private final Map<String, Counter> rateLimited = new ConcurrentHashMap<>();

  @Override
  public void answered(String endpoint, int status) {
    counter(calls, CALLS, endpoint).inc();
    if (status == 429) {
      counter(rateLimited, RATE_LIMITED, endpoint).inc();
    }
  }

  @Override
  public void waited(Duration wait) {
    // Rare (only when the pacing holds a call back), so the registry's lookup costs nothing here.
    metrics.timer(PACING_WAIT).update(wait);
  }

  private Counter counter(Map<String, Counter> counters, String name, String endpoint) {
    return counters.computeIfAbsent(endpoint, e -> metrics.counter(name, new Tag("endpoint", e)));
  }
}
