package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.LeaseClaim;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.domain.account.AccountId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A fake of the {@link Leases} port with the same rules as the database: free or expired only, one
 * clock for every claimant (the fake's own, standing in for the database's), a higher fence for
 * every claim.
 */
public final class InMemoryLeases implements Leases {

  private record Lease(String owner, Instant until, long fence) {}

  private final Map<String, Lease> leases = new HashMap<>();
  private final Map<String, Long> fences = new HashMap<>();
  private final Supplier<Instant> clock;

  /** Leases on the system clock. */
  public InMemoryLeases() {
    this(Clock.systemUTC()::instant);
  }

  /** Leases on this clock: the one the database would keep, whatever the claimants' clocks say. */
  public InMemoryLeases(Supplier<Instant> clock) {
    this.clock = clock;
  }

  @Override
  public synchronized java.util.Optional<LeaseClaim> claim(
      AccountId account, String job, String owner, Duration length) {
    String key = account.value() + "/" + job;
    Lease held = leases.get(key);
    Instant now = clock.get();
    if (held != null && !held.until().isBefore(now)) {
      return java.util.Optional.empty();
    }
    long fence = fences.merge(key, 1L, Long::sum);
    leases.put(key, new Lease(owner, now.plus(length), fence));
    // Released leases are removed, so a lease still here expired in its holder's hands.
    java.util.Optional<String> takenOverFrom =
        java.util.Optional.ofNullable(held).map(Lease::owner).filter(o -> !o.equals(owner));
    return java.util.Optional.of(
        new LeaseClaim(new LeaseToken(account, job, owner, fence), takenOverFrom));
  }

  @Override
  public synchronized boolean renew(LeaseToken lease, Duration length) {
    String key = lease.account().value() + "/" + lease.job();
    Lease held = leases.get(key);
    if (!tokenOf(held, lease)) {
      return false;
    }
    leases.put(key, new Lease(held.owner(), clock.get().plus(length), held.fence()));
    return true;
  }

  @Override
  public synchronized void release(LeaseToken lease) {
    leases.computeIfPresent(
        lease.account().value() + "/" + lease.job(), (k, l) -> tokenOf(l, lease) ? null : l);
  }

  @Override
  public synchronized boolean holds(LeaseToken lease) {
    Lease held = leases.get(lease.account().value() + "/" + lease.job());
    return tokenOf(held, lease) && !held.until().isBefore(clock.get());
  }

  private static boolean tokenOf(Lease held, LeaseToken lease) {
    return held != null && held.owner().equals(lease.owner()) && held.fence() == lease.fence();
  }
}
