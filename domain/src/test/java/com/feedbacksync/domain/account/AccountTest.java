package com.feedbacksync.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

  @Test
  void keeps_its_id_name_and_plan() {
    Account account = new Account(new AccountId("acme"), "Acme Research", Plan.START);
    assertEquals("acme", account.id().value());
    assertEquals("Acme Research", account.name());
    assertEquals(Plan.START, account.plan());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void needs_a_name(String name) {
    assertThrows(
        IllegalArgumentException.class, () -> new Account(new AccountId("acme"), name, Plan.PAID));
  }

  @Test
  void needs_an_id_and_a_plan() {
    assertThrows(NullPointerException.class, () -> new Account(null, "Acme", Plan.PAID));
    assertThrows(
        NullPointerException.class, () -> new Account(new AccountId("acme"), "Acme", null));
  }
}
