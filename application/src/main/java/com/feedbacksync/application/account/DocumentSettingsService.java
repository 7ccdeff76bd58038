package com.feedbacksync.application.account;

import com.feedbacksync.application.port.in.DocumentSettingsUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.DocumentChoices;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.MappingSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's document settings: its own choice where it made one, else the server's default
 * (which an operator sets for every account that has not chosen).
 */
public final class DocumentSettingsService implements DocumentSettingsUseCase {

  private final Accounts accounts;
  private final DocumentChoices choices;
  private final MappingSettings serverDefault;

  public DocumentSettingsService(
      Accounts accounts, DocumentChoices choices, MappingSettings serverDefault) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.choices = Objects.requireNonNull(choices, "choices");
    this.serverDefault = Objects.requireNonNull(serverDefault, "serverDefault");
  }

  @Override
  public Optional<DocumentSettings> settings(AccountId account) {
    if (accounts.find(account).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        choices
            .chosen(account)
            .map(chosen -> new DocumentSettings(chosen, true))
            .orElseGet(() -> new DocumentSettings(serverDefault, false)));
  }

  @Override
  public Optional<DocumentSettings> choose(AccountId account, MappingSettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (!choices.choose(account, settings)) {
      return Optional.empty();
    }
    return Optional.of(new DocumentSettings(settings, true));
  }
}
