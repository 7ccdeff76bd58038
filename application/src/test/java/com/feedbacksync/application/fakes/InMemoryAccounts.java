package com.feedbacksync.application.fakes;

import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the {@link Accounts} port that keeps accounts in memory. */
public final class InMemoryAccounts implements Accounts {

  private final Map<AccountId, Account> byId = new ConcurrentHashMap<>();

  public InMemoryAccounts with(Account account) {
    byId.put(account.id(), account);
    return this;
  }

  @Override
  public Optional<Account> find(AccountId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public boolean add(Account account) {
    return byId.putIfAbsent(account.id(), account) == null;
  }

  @Override
  public boolean rename(AccountId id, String name) {
    return byId.computeIfPresent(id, (k, a) -> new Account(a.id(), name, a.plan())) != null;
  }

  @Override
  public boolean changePlan(AccountId id, com.feedbacksync.domain.account.Plan plan) {
    return byId.computeIfPresent(id, (k, a) -> new Account(a.id(), a.name(), plan)) != null;
  }
}
