package com.feedbacksync.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

  private final Account acme = new Account(new AccountId("acme"), "Acme Research", Plan.START);
  private final AccountService service = new AccountService(new InMemoryAccounts().with(acme));

  @Test
  void shows_a_stored_account() {
    assertEquals(acme, service.account(new AccountId("acme")).orElseThrow());
  }

  @Test
  void shows_nothing_for_an_unknown_account() {
    assertTrue(service.account(new AccountId("globex")).isEmpty());
  }
}
