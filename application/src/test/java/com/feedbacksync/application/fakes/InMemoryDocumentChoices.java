package com.feedbacksync.application.fakes;

import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.DocumentChoices;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.MappingSettings;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the {@link DocumentChoices} port: choices in memory, for the accounts it is given. */
public final class InMemoryDocumentChoices implements DocumentChoices {

  private final Accounts accounts;
  private final Map<AccountId, MappingSettings> chosen = new ConcurrentHashMap<>();

  public InMemoryDocumentChoices(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<MappingSettings> chosen(AccountId account) {
    return Optional.ofNullable(chosen.get(account));
  }

  @Override
  public boolean choose(AccountId account, MappingSettings settings) {
    if (accounts.find(account).isEmpty()) {
      return false;
    }
    chosen.put(account, settings);
    return true;
  }
}
