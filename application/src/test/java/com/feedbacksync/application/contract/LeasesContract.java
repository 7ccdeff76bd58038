package com.feedbacksync.application.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Leases} promises: one holder at a time, until it releases or the lease expires.
 */
public abstract class LeasesContract {

  private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

  protected abstract Leases leases();

  protected abstract AccountId newAccount();

  @Test
  void one_server_holds_a_job_at_a_time() {
    AccountId account = newAccount();
    assertTrue(leases().claim(account, "sync", "server-1", T, T.plusSeconds(60)));
    assertFalse(leases().claim(account, "sync", "server-2", T.plusSeconds(1), T.plusSeconds(61)));
    assertFalse(
        leases().claim(account, "sync", "server-1", T.plusSeconds(1), T.plusSeconds(61)),
        "not even its holder runs it twice");
    assertTrue(
        leases().claim(account, "other-job", "server-2", T, T.plusSeconds(60)),
        "jobs are separate");
  }

  @Test
  void a_running_holder_renews_its_lease_and_a_late_one_cannot() {
    AccountId account = newAccount();
    assertTrue(leases().claim(account, "sync", "server-1", T, T.plusSeconds(60)));
    assertTrue(leases().renew(account, "sync", "server-1", T.plusSeconds(120)));
    assertFalse(
        leases().claim(account, "sync", "server-2", T.plusSeconds(90), T.plusSeconds(150)),
        "renewed: still held at 90 s");
    assertFalse(leases().renew(account, "sync", "server-2", T.plusSeconds(500)), "not its lease");
    assertTrue(leases().claim(account, "sync", "server-2", T.plusSeconds(121), T.plusSeconds(180)));
    assertFalse(
        leases().renew(account, "sync", "server-1", T.plusSeconds(240)),
        "the expired holder learns it lost the job");
  }

  @Test
  void a_released_or_expired_lease_is_free_again() {
    AccountId account = newAccount();
    assertTrue(leases().claim(account, "sync", "server-1", T, T.plusSeconds(60)));
    leases().release(account, "sync", "server-2");
    assertFalse(
        leases().claim(account, "sync", "server-2", T.plusSeconds(1), T.plusSeconds(61)),
        "only the holder releases");
    leases().release(account, "sync", "server-1");
    assertTrue(leases().claim(account, "sync", "server-2", T.plusSeconds(2), T.plusSeconds(62)));
    assertTrue(
        leases().claim(account, "sync", "server-1", T.plusSeconds(63), T.plusSeconds(120)),
        "a crashed holder's lease expires");
  }
}
