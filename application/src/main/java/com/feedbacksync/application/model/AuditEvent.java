package com.feedbacksync.application.model;

import com.feedbacksync.domain.account.AccountId;
import java.util.Objects;

/** An action to record: in which account, by whom, what, and how it ended. */
public record AuditEvent(
    AccountId account,
    AuditActor actor,
    AuditAction action,
    AuditDetail detail,
    AuditOutcome outcome) {

  public AuditEvent {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(outcome, "outcome");
  }
}
