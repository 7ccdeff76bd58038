package com.feedbacksync.adapters.intercom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Intercom calls and 429 waits by endpoint, as MicroProfile metrics ({@code
 * feedbacksync_intercom_calls_total}, {@code feedbacksync_intercom_rate_limited_total} at {@code
 * /metrics}). The endpoint is the only label: a handful of values, never an account or an id.
 */
@ApplicationScoped
public class IntercomCallMetrics implements CallMeter {

  static final String CALLS = "feedbacksync.intercom.calls";
  static final String RATE_LIMITED = "feedbacksync.intercom.rate.limited";

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

  private Counter counter(Map<String, Counter> counters, String name, String endpoint) {
    return counters.computeIfAbsent(endpoint, e -> metrics.counter(name, new Tag("endpoint", e)));
  }
}
