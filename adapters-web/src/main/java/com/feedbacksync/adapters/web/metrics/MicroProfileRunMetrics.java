package com.feedbacksync.adapters.web.metrics;

import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.port.out.RunMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Ended runs as MicroProfile metrics: how many by kind and outcome, how long by kind, and what they
 * wrote; and the leases this server took over from a holder that let them expire. Each name is
 * listed, with what an alert on it means, in the README's "Operating it".
 */
@ApplicationScoped
public class MicroProfileRunMetrics implements RunMetrics {

  static final String RUNS = "feedbacksync.runs";
  static final String DURATION = "feedbacksync.run.duration";
  static final String DOCUMENTS = "feedbacksync.documents.written";
  static final String DELETED = "feedbacksync.documents.deleted";
  static final String PROFILES = "feedbacksync.profiles.written";
  static final String DEAD_LETTERS = "feedbacksync.dead.letters";
  static final String TAKE_OVERS = "feedbacksync.lease.takeovers";

  @Inject MetricRegistry metrics;

  @Override
  public void ended(SyncKind kind, RunState state, Duration took, RunCounts counts) {
    Tag byKind = new Tag("kind", kind.name());
    metrics.counter(RUNS, byKind, new Tag("outcome", state.name())).inc();
    metrics.timer(DURATION, byKind).update(took);
    metrics.counter(DOCUMENTS, byKind).inc(counts.kept() + counts.resynced());
    metrics.counter(DELETED, byKind).inc(counts.deleted());
    metrics.counter(PROFILES, byKind).inc(counts.profiles());
    metrics.counter(DEAD_LETTERS, byKind).inc(counts.unreadable());
  }

  @Override
  public void leaseTakenOver() {
    metrics.counter(TAKE_OVERS).inc();
  }
}
