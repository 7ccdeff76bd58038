package com.feedbacksync.application.model;

import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.Objects;

/** An OAuth flow an admin started: its {@code state}, for whom, and until when it may finish. */
public record PendingConnection(String state, AccountId account, String admin, Instant expiresAt) {

  public PendingConnection {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
