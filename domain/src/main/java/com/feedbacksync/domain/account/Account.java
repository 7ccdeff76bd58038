package com.feedbacksync.domain.account;

import java.util.Objects;

/** A research repository account: the tenant whose Intercom workspace is synced. */
public record Account(AccountId id, String name, Plan plan) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(plan, "plan");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an account has a name");
    }
  }
}
