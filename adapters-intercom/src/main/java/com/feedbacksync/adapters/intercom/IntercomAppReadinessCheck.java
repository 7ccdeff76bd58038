package com.feedbacksync.adapters.intercom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready without a usable Intercom app: a server that cannot connect anyone is not serving, and
 * the operator reads here (and in the log at start) which variables to set.
 */
@Readiness
@ApplicationScoped
public class IntercomAppReadinessCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(IntercomAppReadinessCheck.class.getName());

  @Inject IntercomApp app;

  void onStartup(@Observes Startup startup) {
    if (!app.usable()) {
      LOG.severe("Not ready: " + message(app));
    }
  }

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("intercom-app")
            .withData("intercom", app.realIntercom() ? "the real Intercom" : "a stand-in");
    return app.usable()
        ? response.up().build()
        : response.down().withData("error", message(app)).build();
  }

  static String message(IntercomApp app) {
    return "Intercom is not configured on this server: "
        + String.join("; ", app.problems())
        + " (see the README, Deploying).";
  }
}
