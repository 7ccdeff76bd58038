package com.feedbacksync.domain.intercom;

import java.util.Locale;

/** Who wrote a message, as Intercom types its authors. */
public enum AuthorType {
  USER(true),
  LEAD(true),
  /** Not seen in Intercom's documents but plausible; treated as a customer, defensively. */
  CONTACT(true),
  ADMIN(false),
  BOT(false),
  TEAM(false),
  /** A type this build does not know: never taken for a customer. */
  UNKNOWN(false);

  private final boolean customer;

  AuthorType(boolean customer) {
    this.customer = customer;
  }

  /** Users, leads and contacts are the customers; admins, bots and teams speak for the company. */
  public boolean isCustomer() {
    return customer;
  }

  public static AuthorType fromIntercom(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "user" -> USER;
      case "lead" -> LEAD;
      case "contact" -> CONTACT;
      case "admin" -> ADMIN;
      case "bot" -> BOT;
      case "team" -> TEAM;
      default -> UNKNOWN;
    };
  }
}
