package com.feedbacksync.adapters.web.events;

import com.feedbacksync.application.events.DeliveryBackoff;
import com.feedbacksync.application.events.DeliveryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The events' settings. Without {@code feedbacksync.events.url} events are off: nothing is written
 * or sent. With it, a signing secret of at least {@link #MIN_SECRET} characters is needed; a url
 * that is no http(s) URL or a missing or short secret makes the server not ready (check {@code
 * events}, {@link EventsReadinessCheck}), and nothing is sent until it is fixed (events are still
 * written, so none is lost).
 */
@ApplicationScoped
public class EventSettings {

  static final int MIN_SECRET = 32;

  private static final Logger LOG = Logger.getLogger(EventSettings.class.getName());

  @Inject
  @ConfigProperty(name = "feedbacksync.events.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.secret")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.failing-after", defaultValue = "3")
  int failingAfter;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.interval-seconds", defaultValue = "5")
  long intervalSeconds;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.batch-size", defaultValue = "20")
  int batchSize;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.timeout-seconds", defaultValue = "5")
  long timeoutSeconds;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.first-retry-seconds", defaultValue = "10")
  long firstRetrySeconds;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.max-retry-seconds", defaultValue = "3600")
  long maxRetrySeconds;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.max-attempts", defaultValue = "20")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.max-age-hours", defaultValue = "24")
  long maxAgeHours;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.retention-days", defaultValue = "7")
  long retentionDays;

  @Inject
  @ConfigProperty(name = "feedbacksync.events.gave-up-retention-days", defaultValue = "30")
  long gaveUpRetentionDays;

  /** Whether events are written at all: a receiver is configured. */
  public boolean enabled() {
    return url.filter(u -> !u.isBlank()).isPresent();
  }

  /** Why events cannot be sent although they are on; empty when they can (or are off). */
  public Optional<String> problem() {
    if (!enabled()) {
      return Optional.empty();
    }
    String scheme;
    try {
      URI uri = URI.create(url.get().strip());
      scheme = uri.getScheme() == null ? "" : uri.getScheme();
      if (uri.getHost() == null) {
        scheme = "";
      }
    } catch (IllegalArgumentException e) {
      scheme = "";
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("FEEDBACKSYNC_EVENTS_URL (feedbacksync.events.url) is no http(s) URL");
    }
    if (secret.map(String::strip).map(String::length).orElse(0) < MIN_SECRET) {
      return Optional.of(
          "FEEDBACKSYNC_EVENTS_SECRET (feedbacksync.events.secret) must be set, at least "
              + MIN_SECRET
              + " characters (openssl rand -hex 32), when FEEDBACKSYNC_EVENTS_URL is");
    }
    return Optional.empty();
  }

  void onStartup(@Observes Startup startup) {
    problem().ifPresent(p -> LOG.severe("Not ready: " + p + "; events wait in event_outbox"));
  }

  URI uri() {
    return URI.create(url.orElseThrow().strip());
  }

  byte[] secret() {
    return secret.orElseThrow().strip().getBytes(StandardCharsets.UTF_8);
  }

  Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
  }

  public int failingAfter() {
    return failingAfter;
  }

  Duration interval() {
    return Duration.ofSeconds(Math.max(1, intervalSeconds));
  }

  public DeliveryPolicy policy() {
    // A batch is sent one event after another, each bounded by the timeout (connect and answer):
    // the claim outlasts the slowest pass, so no other server takes an event still being sent.
    Duration claimFor = timeout().multipliedBy(2L * batchSize).plusSeconds(30);
    return new DeliveryPolicy(
        batchSize,
        claimFor,
        maxAttempts,
        Duration.ofHours(maxAgeHours),
        Duration.ofDays(retentionDays),
        // At least a day, at most about a century: 0 would delete them as they are given up.
        Duration.ofDays(Math.min(36_500, Math.max(1, gaveUpRetentionDays))),
        new DeliveryBackoff(
            Duration.ofSeconds(firstRetrySeconds),
            Duration.ofSeconds(Math.max(firstRetrySeconds, maxRetrySeconds))));
  }
}
