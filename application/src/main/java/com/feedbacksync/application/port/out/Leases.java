package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.LeaseClaim;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.domain.account.AccountId;
import java.time.Duration;
import java.util.Optional;

/**
 * Claims on work, shared by every server on the database, so two servers never run one account's
 * job at once and each takes its share. Expiry is measured on one clock shared by every server (the
 * database's), never on the claimant's own: servers whose clocks disagree still agree on who holds
 * a lease.
 */
public interface Leases {

  /**
   * Takes the job for {@code length} unless a holder's lease on it is unexpired (the holder itself
   * included: one server never runs one job twice at once); the token fences the holder's commits.
   * The claim says whether it took the job over from another owner whose lease had expired without
   * being released.
   */
  Optional<LeaseClaim> claim(AccountId account, String job, String owner, Duration length);

  /**
   * Extends the lease for {@code length} from now while its job runs; false when the token no
   * longer holds it (it expired and another claim took the job).
   */
  boolean renew(LeaseToken lease, Duration length);

  /** Gives the job back, if the token still holds it. */
  void release(LeaseToken lease);

  /** Whether the token holds its job now: claimed by it, not taken over, not expired. */
  boolean holds(LeaseToken lease);
}
