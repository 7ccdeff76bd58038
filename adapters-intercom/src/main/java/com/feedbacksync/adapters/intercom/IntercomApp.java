package com.feedbacksync.adapters.intercom;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Intercom app as an operator configured it, judged before it is used: what is missing or
 * unsafe, in the environment variables' names. Nothing here has a default: a server without an app
 * says so (connect answers 503, readiness is DOWN) instead of silently using the simulator's.
 *
 * @param clientId {@code intercom.client.id}, blank when not set
 * @param clientSecret {@code intercom.client.secret}, blank when not set
 * @param redirectUri {@code intercom.redirect.uri}, or derived from {@code
 *     feedbacksync.public-base-url}
 * @param baseUrl {@code intercom.base.url}: empty for the real Intercom, else one base for every
 *     host (the simulator's)
 * @param problems what the operator has to set or fix, one sentence each; empty when usable
 */
public record IntercomApp(
    String clientId,
    String clientSecret,
    Optional<URI> redirectUri,
    Optional<URI> baseUrl,
    List<String> problems) {

  /** Where Intercom sends the admin's browser back, under the server's public base URL. */
  static final String CALLBACK_PATH = "api/v1/integrations/intercom/callback";

  /**
   * The simulator's client secret is public (it is in this repository): against the real Intercom
   * it would let anyone forge webhooks.
   */
  static final String SIMULATOR_SECRET = "sim-client-secret";

  public IntercomApp {
    problems = List.copyOf(problems);
  }

  /** Judges the configured values; each may be missing or blank. */
  public static IntercomApp of(
      Optional<String> clientId,
      Optional<String> clientSecret,
      Optional<String> redirectUri,
      Optional<String> publicBaseUrl,
      Optional<String> baseUrl) {
    List<String> problems = new ArrayList<>();
    String id = text(clientId).orElse("");
    String secret = text(clientSecret).orElse("");
    if (id.isEmpty()) {
      problems.add(
          "INTERCOM_CLIENT_ID is not set (the app's client id, from Intercom's Developer Hub)");
    }
    if (secret.isEmpty()) {
      problems.add(
          "INTERCOM_CLIENT_SECRET is not set (the app's client secret, from Intercom's Developer Hub)");
    }
    Optional<URI> base = text(baseUrl).flatMap(b -> absolute(b, "INTERCOM_BASE_URL", problems));
    if (base.isEmpty() && text(baseUrl).isEmpty() && secret.equals(SIMULATOR_SECRET)) {
      problems.add(
          "INTERCOM_CLIENT_SECRET is the Intercom simulator's public secret; against the real"
              + " Intercom set your app's own secret");
    }
    Optional<URI> redirect = redirect(redirectUri, publicBaseUrl, problems);
    return new IntercomApp(id, secret, redirect, base, problems);
  }

  /** Whether the real Intercom is meant (no base URL replaces its hosts). */
  public boolean realIntercom() {
    return baseUrl.isEmpty();
  }

  /** Whether connecting can work: nothing missing or unsafe. */
  public boolean usable() {
    return problems.isEmpty();
  }

  /**
   * The adapter's settings. An unusable app still gets settings (syncs of connections made before
   * keep their hosts), but its OAuth refuses (see {@link IntercomConfiguration}).
   */
  IntercomSettings settings() {
    IntercomSettings settings =
        IntercomSettings.forIntercom(
            clientId, clientSecret, redirectUri.orElse(URI.create("urn:not-configured")));
    return baseUrl.map(settings::pointedAt).orElse(settings);
  }

  private static Optional<URI> redirect(
      Optional<String> redirectUri, Optional<String> publicBaseUrl, List<String> problems) {
    Optional<String> explicit = text(redirectUri);
    if (explicit.isPresent()) {
      return absolute(explicit.get(), "INTERCOM_REDIRECT_URI", problems);
    }
    Optional<String> publicBase = text(publicBaseUrl);
    if (publicBase.isPresent()) {
      String b = publicBase.get();
      return absolute(b, "FEEDBACKSYNC_PUBLIC_BASE_URL", problems)
          .map(u -> URI.create(b.endsWith("/") ? b : b + "/").resolve(CALLBACK_PATH));
    }
    problems.add(
        "neither INTERCOM_REDIRECT_URI nor FEEDBACKSYNC_PUBLIC_BASE_URL is set (the redirect URI"
            + " is this server's public URL + /"
            + CALLBACK_PATH
            + ", registered with the Intercom app)");
    return Optional.empty();
  }

  private static Optional<URI> absolute(String value, String variable, List<String> problems) {
    try {
      URI uri = new URI(value);
      if (uri.isAbsolute()
          && uri.getHost() != null
          && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return Optional.of(uri);
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problems.add(variable + " is not an absolute http(s) URL: " + value);
    return Optional.empty();
  }

  private static Optional<String> text(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
