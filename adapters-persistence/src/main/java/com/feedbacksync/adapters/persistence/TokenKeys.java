package com.feedbacksync.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token encryption keys from configuration ({@code feedbacksync.token.keys}). There is no
 * fallback key: a key that died with the process made every stored token unreadable after a
 * restart, and each server of a cluster had its own. Without valid keys the server is not ready
 * ({@link TokenKeysReadinessCheck}) and sealing or opening a token fails with the reason.
 */
@ApplicationScoped
public class TokenKeys {

  static final String VARIABLE = "FEEDBACKSYNC_TOKEN_KEYS";

  @Inject
  @ConfigProperty(name = "feedbacksync.token.keys")
  Optional<String> configured;

  private TokenCipher cipher;
  private String problem;

  /** Why the keys cannot be used, for the operator; empty when they can. */
  synchronized Optional<String> problem() {
    load();
    return Optional.ofNullable(problem);
  }

  synchronized TokenCipher cipher() {
    load();
    if (cipher == null) {
      throw new IllegalStateException(problem);
    }
    return cipher;
  }

  private void load() {
    if (cipher != null || problem != null) {
      return;
    }
    problem = judge(configured).orElse(null);
    if (problem == null) {
      cipher = TokenCipher.parse(configured.orElseThrow());
    }
  }

  /** Why {@code configured} cannot seal tokens, or empty when it can. */
  static Optional<String> judge(Optional<String> configured) {
    if (configured.isEmpty() || configured.get().isBlank()) {
      return Optional.of(
          VARIABLE
              + " is not set: the keys that seal Intercom tokens at rest, id:base64key"
              + " (e.g. k1:$(openssl rand -base64 32)); the same on every server, kept across"
              + " restarts");
    }
    try {
      TokenCipher.parse(configured.get());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(VARIABLE + " cannot be used: " + e.getMessage());
    }
  }
}
