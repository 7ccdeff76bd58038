package com.feedbacksync.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready without usable token keys: no connection could be stored or read. Logged at start. */
@Readiness
@ApplicationScoped
public class TokenKeysReadinessCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(TokenKeysReadinessCheck.class.getName());

  @Inject TokenKeys keys;

  void onStartup(@Observes Startup startup) {
    keys.problem().ifPresent(problem -> LOG.severe("Not ready: " + problem));
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("token-keys");
    return keys.problem()
        .map(problem -> response.down().withData("error", problem).build())
        .orElseGet(() -> response.up().build());
  }
}
