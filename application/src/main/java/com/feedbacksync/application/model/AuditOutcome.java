package com.feedbacksync.application.model;

/**
 * How an audited request ended, with the HTTP status it was answered with: done, refused (the
 * caller's fault or not allowed: 4xx) or failed (the service's or Intercom's fault: 5xx).
 */
public sealed interface AuditOutcome {

  int status();

  /** The stable name stored and shown: succeeded, refused or failed. */
  String name();

  /** The outcome an answer's status means. */
  static AuditOutcome of(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    if (status >= 500) {
      return new Failed(status);
    }
    if (status >= 400) {
      return new Refused(status);
    }
    return new Succeeded(status);
  }

  /** Done as asked (2xx, or the 303 that sends a connected admin back to the settings page). */
  record Succeeded(int status) implements AuditOutcome {
    public Succeeded {
      if (status < 100 || status >= 400) {
        throw new IllegalArgumentException("a success is answered below 400, not " + status);
      }
    }

    @Override
    public String name() {
      return "succeeded";
    }
  }

  /** Not done: invalid, not allowed, or in conflict with the account's state (4xx). */
  record Refused(int status) implements AuditOutcome {
    public Refused {
      if (status < 400 || status >= 500) {
        throw new IllegalArgumentException("a refusal is answered with 4xx, not " + status);
      }
    }

    @Override
    public String name() {
      return "refused";
    }
  }

  /** Not done because something failed: this service, its database or Intercom (5xx). */
  record Failed(int status) implements AuditOutcome {
    public Failed {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("a failure is answered with 5xx, not " + status);
      }
    }

    @Override
    public String name() {
      return "failed";
    }
  }
}
