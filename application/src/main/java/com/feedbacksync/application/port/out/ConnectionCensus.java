package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.SyncRecency;
import java.util.List;
import java.util.Map;

/**
 * Counts over every account on the database, for operators: several servers share it, so no
 * server's own tally would do. Names no account.
 */
public interface ConnectionCensus {

  /** How many accounts are in each state; an account without a connection is disconnected. */
  Map<ConnectionState, Long> accountsByState();

  /** One entry per connected account: when it connected and when its conversations last synced. */
  List<SyncRecency> connectedRecency();
}
