package com.feedbacksync.application.model;

import com.feedbacksync.domain.account.AccountId;
import java.util.Objects;

/**
 * A held claim on an account's job: who holds it and the fence the claim drew. Every claim draws a
 * higher fence, so a holder whose lease expired and was taken over carries an old fence, and the
 * store refuses its commits.
 */
public record LeaseToken(AccountId account, String job, String owner, long fence) {

  public LeaseToken {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(owner, "owner");
  }
}
