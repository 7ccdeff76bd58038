package com.feedbacksync.application.port.in;

import com.feedbacksync.application.model.ConnectionCounts;
import java.util.Optional;

/**
 * Counts the accounts by connection state and the connected ones whose sync lags, for operators'
 * gauges; never names an account.
 */
public interface CountAccountsUseCase {

  /**
   * Counts afresh; when the database fails, the last count while it is recent. Empty when there is
   * none: better no gauge than a stale one.
   */
  Optional<ConnectionCounts> recount();
}
