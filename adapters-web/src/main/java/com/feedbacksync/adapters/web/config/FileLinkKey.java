package com.feedbacksync.adapters.web.config;

import com.feedbacksync.adapters.web.security.SignedFileLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that signs file links ({@code feedbacksync.file-links.key}, base64, 32 bytes or more).
 * Several servers behind one load balancer need the same key; without one, each process draws its
 * own, which is enough for one server (links live an hour; a restart makes the page fetch anew).
 */
@ApplicationScoped
public class FileLinkKey {

  private static final Logger LOG = Logger.getLogger(FileLinkKey.class.getName());

  @Inject
  @ConfigProperty(name = "feedbacksync.file-links.key")
  Optional<String> configured;

  /** One per application: a singleton, not a normal scope (the signer is a final class). */
  @Produces
  @Singleton
  SignedFileLinks signedFileLinks(Clock clock) {
    return new SignedFileLinks(key(), clock);
  }

  private byte[] key() {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return Base64.getDecoder().decode(configured.get().strip());
    }
    LOG.warning(
        "feedbacksync.file-links.key is not set: file links are signed with a key that dies with"
            + " this process (set one shared key when several servers run).");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
