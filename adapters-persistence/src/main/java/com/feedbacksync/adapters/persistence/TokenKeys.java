package com.feedbacksync.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The token encryption keys from configuration ({@code feedbacksync.token.keys}). */
@ApplicationScoped
public class TokenKeys {

  private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());

  @Inject
  @ConfigProperty(name = "feedbacksync.token.keys")
  Optional<String> configured;

  private TokenCipher cipher;

  synchronized TokenCipher cipher() {
    if (cipher == null) {
      if (configured.isPresent() && !configured.get().isBlank()) {
        cipher = TokenCipher.parse(configured.get());
      } else {
        LOG.warning(
            "feedbacksync.token.keys is not set: Intercom tokens are encrypted with a key that"
                + " dies with this process, so connections need reconnecting after a restart.");
        cipher = TokenCipher.ephemeral();
      }
    }
    return cipher;
  }
}
