package com.feedbacksync.application.model;

import java.util.Objects;

/**
 * Who acted: the subject of the verified bearer token, and the role it acted in ({@code admin},
 * {@code member}, {@code service}).
 */
public record AuditActor(String subject, String role) {

  /** Longest subject stored; a token's subject is an id, not prose. */
  public static final int MAX_SUBJECT = 255;

  public AuditActor {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(role, "role");
    if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("an actor's subject has 1 to " + MAX_SUBJECT + " chars");
    }
    if (!role.matches("[a-z]{1,16}")) {
      throw new IllegalArgumentException("an actor's role is a short lower-case word");
    }
  }
}
