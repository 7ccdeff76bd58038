package com.feedbacksync.application.contract;

import com.feedbacksync.domain.account.AccountId;
import java.util.UUID;

/** Fresh account ids for contract tests, so runs against one database never collide. */
public final class TestAccounts {

  private TestAccounts() {}

  public static AccountId random() {
    return new AccountId("t-" + UUID.randomUUID().toString().substring(0, 12));
  }
}
