package com.feedbacksync.adapters.web.config;

import com.feedbacksync.adapters.web.security.SignedFileLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The key that signs file links ({@code feedbacksync.file-links.key}, base64, 32 bytes or more).
 * Several servers behind one load balancer need the same key; without one, each process draws its
 * own, which is enough for one server (links live an hour; a restart makes the page fetch anew). A
 * key that is set but unusable makes the server not ready, naming why, instead of failing every
 * document read: the signer then uses a key of its own so that nothing else breaks.
 */
@Readiness
@ApplicationScoped
public class FileLinkKey implements HealthCheck {

  static final int MIN_BYTES = 32;

  /** The setting as an operator sets it (the environment variable) and as the README lists it. */
  private static final String NAMED = "FEEDBACKSYNC_FILE_LINKS_KEY (feedbacksync.file-links.key)";

  private static final Logger LOG = Logger.getLogger(FileLinkKey.class.getName());

  @Inject
  @ConfigProperty(name = "feedbacksync.file-links.key")
  Optional<String> configured;

  /** What the configured value gives: its key, or why it cannot be one. */
  sealed interface Reading {
    record Key(byte[] bytes) implements Reading {}

    record Unset() implements Reading {}

    record Unusable(String problem) implements Reading {}
  }

  static Reading read(Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      return new Reading.Unset();
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.get().strip());
    } catch (IllegalArgumentException notBase64) {
      return new Reading.Unusable(
          NAMED + " is not base64 (make one with: openssl rand -base64 32).");
    }
    if (key.length < MIN_BYTES) {
      return new Reading.Unusable(
          NAMED
              + " holds "
              + key.length
              + " bytes; it needs at least "
              + MIN_BYTES
              + " (make one with: openssl rand -base64 32).");
    }
    return new Reading.Key(key);
  }

  void onStartup(@Observes Startup startup) {
    Reading reading = read(configured);
    if (reading instanceof Reading.Unusable unusable) {
      LOG.severe("Not ready: " + unusable.problem());
    } else if (reading instanceof Reading.Unset) {
      LOG.warning(
          "feedbacksync.file-links.key is not set: file links are signed with a key that dies with"
              + " this process (set one shared key when several servers run).");
    }
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("file-links-key");
    return read(configured) instanceof Reading.Unusable unusable
        ? response.down().withData("error", unusable.problem()).build()
        : response.up().build();
  }

  /** One per application: a singleton, not a normal scope (the signer is a final class). */
  @Produces
  @Singleton
  SignedFileLinks signedFileLinks(Clock clock) {
    return new SignedFileLinks(
        read(configured) instanceof Reading.Key key ? key.bytes() : processKey(), clock);
  }

  private static byte[] processKey() {
    byte[] key = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
