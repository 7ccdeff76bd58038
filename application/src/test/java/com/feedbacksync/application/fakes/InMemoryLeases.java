package com.feedbacksync.application.fakes;

import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A fake of the {@link Leases} port with the same rule as the database: free or expired only. */
public final class InMemoryLeases implements Leases {

  private record Lease(String owner, Instant until) {}

  private final Map<String, Lease> leases = new HashMap<>();

  @Override
  public synchronized boolean claim(
      AccountId account, String job, String owner, Instant now, Instant until) {
    Lease held = leases.get(account.value() + "/" + job);
    if (held != null && held.until().isAfter(now)) {
      return false;
    }
    leases.put(account.value() + "/" + job, new Lease(owner, until));
    return true;
  }

  @Override
  public synchronized boolean renew(AccountId account, String job, String owner, Instant until) {
    Lease held = leases.get(account.value() + "/" + job);
    if (held == null || !held.owner().equals(owner)) {
      return false;
    }
    leases.put(account.value() + "/" + job, new Lease(owner, until));
    return true;
  }

  @Override
  public synchronized void release(AccountId account, String job, String owner) {
    leases.computeIfPresent(
        account.value() + "/" + job, (k, l) -> l.owner().equals(owner) ? null : l);
  }
}
