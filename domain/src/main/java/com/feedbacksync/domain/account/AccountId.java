package com.feedbacksync.domain.account;

import java.util.regex.Pattern;

/**
 * The research repository account's id, as the host product issues it (the JWT `account` claim).
 */
public record AccountId(String value) {

  // Ids travel in URLs, JWT claims and log lines: a narrow alphabet keeps them safe in all three.
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public AccountId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "an account id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
