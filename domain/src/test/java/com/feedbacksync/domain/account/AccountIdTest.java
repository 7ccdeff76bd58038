package com.feedbacksync.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme", "a", "Acme-42", "acct_7.eu", "0123456789"})
  void accepts_ids_made_of_a_safe_alphabet(String value) {
    assertEquals(value, new AccountId(value).value());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "-leading-dash", "has space", "semi;colon", "slash/ed", "ü"})
  void refuses_ids_that_are_empty_or_unsafe_in_urls_and_logs(String value) {
    assertThrows(IllegalArgumentException.class, () -> new AccountId(value));
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 65})
  void caps_ids_at_64_characters(int length) {
    String value = "a".repeat(length);
    if (length <= 64) {
      assertEquals(value, new AccountId(value).value());
    } else {
      assertThrows(IllegalArgumentException.class, () -> new AccountId(value));
    }
  }
}
