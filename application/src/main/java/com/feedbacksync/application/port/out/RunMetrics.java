package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.RunCounts;
import com.feedbacksync.application.model.RunState;
import com.feedbacksync.application.model.SyncKind;
import java.time.Duration;

/**
 * Where ended runs are counted for operators' dashboards and alerts: by kind and outcome, with
 * their duration and what they wrote, and the leases taken over from servers whose runs stopped
 * without giving them back. Deliberately without the account: metrics stay low in cardinality, and
 * an account's own view is the admin API's.
 */
public interface RunMetrics {

  void ended(SyncKind kind, RunState state, Duration took, RunCounts counts);

  /** This server took over an account's lease that another holder let expire. */
  void leaseTakenOver();
}
