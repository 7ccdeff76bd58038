package com.feedbacksync.adapters.intercom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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

  @Override
  public void answered(String endpoint, int status) {
    Tag tag = new Tag("endpoint", endpoint);
    metrics.counter(CALLS, tag).inc();
    if (status == 429) {
      metrics.counter(RATE_LIMITED, tag).inc();
    }
  }

  @Override
  public void waited(Duration wait) {
    metrics.timer(PACING_WAIT).update(wait);
  }
}
