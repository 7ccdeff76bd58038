package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.port.out.IntercomAuthorization;
import com.feedbacksync.application.port.out.IntercomWorkspaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Intercom adapter as the server runs it, configured by MicroProfile Config (server.xml
 * variables or environment variables): the OAuth app, and optionally one base URL that replaces
 * every Intercom host (the simulator's, for tests and the demo).
 */
@ApplicationScoped
public class IntercomConfiguration {

  // Optional, without defaults: a server without an Intercom app still starts; its readiness and
  // connect say what is missing.
  @Inject
  @ConfigProperty(name = "intercom.client.id")
  Optional<String> clientId;

  @Inject
  @ConfigProperty(name = "intercom.client.secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "intercom.redirect.uri")
  Optional<String> redirectUri;

  @Inject
  @ConfigProperty(name = "feedbacksync.public-base-url")
  Optional<String> publicBaseUrl;

  /** Empty or missing: the real Intercom. */
  @Inject
  @ConfigProperty(name = "intercom.base.url")
  Optional<String> baseUrl;

  @Inject
  @ConfigProperty(name = "intercom.file.hosts")
  Optional<List<String>> extraFileHosts;

  /** How long an answer from Intercom may take (30 s unless set; the reliability suite sets 2). */
  @Inject
  @ConfigProperty(name = "intercom.read.timeout.seconds")
  Optional<Integer> readTimeoutSeconds;

  /** The app as configured, with what is missing or unsafe. */
  @Produces
  IntercomApp app() {
    return IntercomApp.of(clientId, clientSecret, redirectUri, publicBaseUrl, baseUrl);
  }

  /** Dependent, not application-scoped: a record cannot be proxied, and it is cheap to build. */
  @Produces
  IntercomSettings settings(IntercomApp app) {
    IntercomSettings settings = app.settings();
    if (readTimeoutSeconds.isPresent()) {
      settings = settings.withReadTimeout(Duration.ofSeconds(readTimeoutSeconds.get()));
    }
    List<String> hosts = new ArrayList<>(settings.fileHosts());
    extraFileHosts.ifPresent(hosts::addAll);
    return settings.withFileHosts(hosts);
  }

  @Produces
  @ApplicationScoped
  IntercomWorkspaces workspaces(
      IntercomSettings settings, Clock clock, IntercomCallMetrics metrics) {
    return IntercomRestWorkspaces.overRestClient(settings, clock, metrics, metrics);
  }

  @Produces
  @ApplicationScoped
  IntercomAuthorization authorization(
      IntercomApp app, IntercomSettings settings, Clock clock, IntercomCallMetrics metrics) {
    return IntercomOAuth.overRestClient(app, settings, clock, metrics, metrics);
  }

  /** When the application stops (or is redeployed): the REST clients let go of their sockets. */
  void close(@Disposes IntercomWorkspaces workspaces) {
    ((IntercomRestWorkspaces) workspaces).close();
  }

  void close(@Disposes IntercomAuthorization authorization) {
    ((IntercomOAuth) authorization).close();
  }
}
