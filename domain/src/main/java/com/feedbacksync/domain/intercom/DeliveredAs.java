package com.feedbacksync.domain.intercom;

import java.util.Locale;

/** How a conversation started: by the customer, or as an outbound message from the company. */
public enum DeliveredAs {
  CUSTOMER_INITIATED(false),
  /** Legacy campaigns. */
  CAMPAIGNS_INITIATED(true),
  /** Custom bots. */
  OPERATOR_INITIATED(true),
  /** Series and other outbounds to a dynamic audience. */
  AUTOMATED(true),
  /** A fixed-audience message, a ticket an admin opened, a group e-mail. */
  ADMIN_INITIATED(true),
  /** A value this build does not know; the author type decides then. */
  UNKNOWN(false);

  private final boolean outbound;

  DeliveredAs(boolean outbound) {
    this.outbound = outbound;
  }

  /** Outbound: the opening message is the company's, not the customer's. */
  public boolean isOutbound() {
    return outbound;
  }

  public static DeliveredAs fromIntercom(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
