package com.feedbacksync.application.port.out;

import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.MappingSettings;
import java.util.Optional;

/** What each account chose about its documents, as stored. */
public interface DocumentChoices {

  /** The account's own choice; empty when it made none, so the server's default applies. */
  Optional<MappingSettings> chosen(AccountId account);

  /** Stores the account's choice; false when no such account exists. */
  boolean choose(AccountId account, MappingSettings settings);
}
