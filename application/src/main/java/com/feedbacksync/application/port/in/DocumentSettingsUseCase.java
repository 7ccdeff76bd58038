package com.feedbacksync.application.port.in;

import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.MappingSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's settings for what its documents show: read by its members, changed by its admins,
 * applied from the next sync of each conversation.
 */
public interface DocumentSettingsUseCase {

  /** The settings that apply to the account; empty when there is no such account. */
  Optional<DocumentSettings> settings(AccountId account);

  /** Stores the account's choice; empty when there is no such account. */
  Optional<DocumentSettings> choose(AccountId account, MappingSettings settings);

  /**
   * @param applied what the account's next syncs apply
   * @param chosen whether the account chose it, or it is the server's default
   */
  record DocumentSettings(MappingSettings applied, boolean chosen) {
    public DocumentSettings {
      Objects.requireNonNull(applied, "applied");
    }
  }
}
