package com.feedbacksync.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.LeaseClaim;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.domain.account.AccountId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Leases} promises: one holder at a time, until it releases or the lease expires
 * on the leases' own clock; every claim draws a higher fence, so a holder that was taken over knows
 * it, and the claim that took over an expired lease of another holder says so.
 */
public abstract class LeasesContract {

  /** Long enough that no pause of a loaded build machine expires it by accident. */
  private static final Duration LONG = Duration.ofMinutes(5);

  /** Short enough to expire in a test. */
  private static final Duration SHORT = Duration.ofMillis(1_500);

  protected abstract Leases leases();

  protected abstract AccountId newAccount();

  /** Lets this much time pass on the leases' clock. */
  protected abstract void elapse(Duration time) throws InterruptedException;

  @Test
  void one_server_holds_a_job_at_a_time() {
    AccountId account = newAccount();
    LeaseClaim claim = leases().claim(account, "sync", "server-1", LONG).orElseThrow();
    assertEquals(Optional.empty(), claim.takenOverFrom(), "a job never claimed is free");
    LeaseToken held = claim.token();
    assertTrue(leases().holds(held));
    assertEquals(Optional.empty(), leases().claim(account, "sync", "server-2", LONG));
    assertEquals(
        Optional.empty(),
        leases().claim(account, "sync", "server-1", LONG),
        "not even its holder runs it twice");
    assertTrue(leases().claim(account, "other-job", "server-2", LONG).isPresent(), "jobs apart");
  }

  @Test
  void a_running_holder_renews_its_lease_and_a_taken_over_one_cannot() throws Exception {
    AccountId account = newAccount();
    LeaseToken first = leases().claim(account, "sync", "server-1", SHORT).orElseThrow().token();
    assertTrue(leases().renew(first, LONG));
    elapse(SHORT.plusMillis(500));
    assertTrue(leases().holds(first), "renewed: still held after the first length");
    assertEquals(Optional.empty(), leases().claim(account, "sync", "server-2", LONG));
    assertTrue(leases().renew(first, SHORT));
    elapse(SHORT.plusMillis(500));
    assertFalse(leases().holds(first), "expired");
    LeaseClaim takeOver = leases().claim(account, "sync", "server-2", LONG).orElseThrow();
    assertEquals(
        Optional.of("server-1"),
        takeOver.takenOverFrom(),
        "an expired lease of another holder is taken over from it");
    LeaseToken second = takeOver.token();
    assertTrue(second.fence() > first.fence(), "a later claim draws a higher fence");
    assertFalse(leases().renew(first, LONG), "the expired holder learns it lost the job");
    assertFalse(leases().holds(first));
    assertTrue(leases().holds(second));
  }

  @Test
  void the_same_owner_claiming_again_gets_a_new_fence_and_the_old_token_is_void() throws Exception {
    AccountId account = newAccount();
    LeaseToken before = leases().claim(account, "sync", "server-1", SHORT).orElseThrow().token();
    elapse(SHORT.plusMillis(500));
    LeaseClaim again = leases().claim(account, "sync", "server-1", LONG).orElseThrow();
    assertFalse(again.takeOver(), "its own expired lease is no take-over");
    LeaseToken after = again.token();
    assertFalse(leases().holds(before), "a run of the same server that lost its claim is fenced");
    assertFalse(leases().renew(before, LONG));
    leases().release(before);
    assertTrue(leases().holds(after), "releasing a void token frees nothing");
  }

  @Test
  void a_released_or_expired_lease_is_free_again() throws Exception {
    AccountId account = newAccount();
    LeaseToken held = leases().claim(account, "sync", "server-1", LONG).orElseThrow().token();
    leases().release(new LeaseToken(account, "sync", "server-2", held.fence()));
    assertEquals(
        Optional.empty(), leases().claim(account, "sync", "server-2", LONG), "only the holder");
    leases().release(held);
    assertFalse(leases().holds(held));
    LeaseClaim afterRelease = leases().claim(account, "sync", "server-2", SHORT).orElseThrow();
    assertFalse(afterRelease.takeOver(), "a released lease is free, not taken over");
    LeaseToken crashed = afterRelease.token();
    elapse(SHORT.plusMillis(500));
    assertEquals(
        Optional.of("server-2"),
        leases().claim(account, "sync", "server-1", LONG).flatMap(LeaseClaim::takenOverFrom),
        "a crashed holder's lease expires and is taken over");
    assertFalse(leases().holds(crashed));
  }
}
