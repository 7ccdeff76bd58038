package com.feedbacksync.domain.intercom;

import java.util.Locale;

/** Whether an Intercom contact is a signed-up user or an anonymous lead. */
public enum ContactRole {
  USER,
  LEAD;

  public static ContactRole fromIntercom(String value) {
    return value != null && value.strip().toLowerCase(Locale.ROOT).equals("lead") ? LEAD : USER;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
