package com.feedbacksync.application.sync;

import com.feedbacksync.application.port.out.DocumentChoices;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.MappingSettings;
import java.util.Objects;

/**
 * The mapping a run applies to its account's conversations: the account's own choices where it made
 * some, else the server's default. Read once per run, so a change applies from the next sync of
 * each conversation.
 */
public interface DocumentMappings {

  DocumentMapping of(AccountId account);

  /** One mapping for every account (tests, and a server whose accounts cannot choose). */
  static DocumentMappings always(DocumentMapping mapping) {
    Objects.requireNonNull(mapping, "mapping");
    return account -> mapping;
  }

  /** Each account's choice from the store, else the server's default. */
  static DocumentMappings chosenOr(DocumentChoices choices, MappingSettings serverDefault) {
    Objects.requireNonNull(choices, "choices");
    DocumentMapping fallback = new DocumentMapping(serverDefault);
    return account -> choices.chosen(account).map(DocumentMapping::new).orElse(fallback);
  }
}
