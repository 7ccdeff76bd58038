package com.feedbacksync.application.port.out;

import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;

/**
 * Claims on work, shared by every server on the database, so two servers never run one account's
 * job at once and each takes its share.
 */
public interface Leases {

  /** Takes the job until {@code until} unless another owner holds an unexpired lease on it. */
  boolean claim(AccountId account, String job, String owner, Instant now, Instant until);

  /**
   * Extends this owner's lease while its job runs; false when it no longer holds it (it expired and
   * another server took the job).
   */
  boolean renew(AccountId account, String job, String owner, Instant until);

  /** Gives the job back, if this owner still holds it. */
  void release(AccountId account, String job, String owner);
}
