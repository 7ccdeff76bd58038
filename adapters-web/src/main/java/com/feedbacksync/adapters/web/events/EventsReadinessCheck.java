package com.feedbacksync.adapters.web.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while events are on but cannot be sent (no usable URL or secret): named {@code events},
 * with the setting to fix. A bean of its own: {@code @Readiness} is a qualifier, so the settings it
 * checks could not be injected elsewhere if they carried it.
 */
@Readiness
@ApplicationScoped
public class EventsReadinessCheck implements HealthCheck {

  @Inject EventSettings settings;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("events");
    return settings
        .problem()
        .map(p -> response.down().withData("error", p).build())
        .orElseGet(() -> response.up().build());
  }
}
