package com.feedbacksync.application.fakes;

import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A fake of the {@link Accounts} port that keeps accounts in memory. Like the database's collation,
 * it compares ids without letter case: "ACME" finds the account stored as "acme".
 */
public final class InMemoryAccounts implements Accounts {

  private final Map<String, Account> byId = new ConcurrentHashMap<>();

  private static String key(AccountId id) {
    return id.value().toLowerCase(Locale.ROOT);
  }

  public InMemoryAccounts with(Account account) {
    byId.put(key(account.id()), account);
    return this;
  }

  @Override
  public Optional<Account> find(AccountId id) {
    return Optional.ofNullable(byId.get(key(id)));
  }

  @Override
  public boolean add(Account account) {
    return byId.putIfAbsent(key(account.id()), account) == null;
  }

  @Override
  public boolean rename(AccountId id, String name) {
    return byId.computeIfPresent(key(id), (k, a) -> new Account(a.id(), name, a.plan())) != null;
  }

  @Override
  public Set<AccountId> onPlan(com.feedbacksync.domain.account.Plan plan) {
    return byId.values().stream()
        .filter(a -> a.plan() == plan)
        .map(Account::id)
        .collect(Collectors.toSet());
  }

  @Override
  public boolean changePlan(AccountId id, com.feedbacksync.domain.account.Plan plan) {
    return byId.computeIfPresent(key(id), (k, a) -> new Account(a.id(), a.name(), plan)) != null;
  }
}
