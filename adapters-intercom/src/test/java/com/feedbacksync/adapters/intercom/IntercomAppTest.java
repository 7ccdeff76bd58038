package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.port.out.IntercomFailure;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an operator's configuration of the Intercom app amounts to, before anything is called. */
class IntercomAppTest {

  private static final Optional<String> NONE = Optional.empty();

  @Test
  void nothing_configured_names_every_missing_variable_and_means_the_real_intercom() {
    IntercomApp app = IntercomApp.of(NONE, NONE, NONE, NONE, NONE);

    assertFalse(app.usable());
    assertTrue(app.realIntercom());
    String problems = String.join("\n", app.problems());
    assertTrue(problems.contains("INTERCOM_CLIENT_ID is not set"), problems);
    assertTrue(problems.contains("INTERCOM_CLIENT_SECRET is not set"), problems);
    assertTrue(
        problems.contains("neither INTERCOM_REDIRECT_URI nor FEEDBACKSYNC_PUBLIC_BASE_URL"),
        problems);
    assertEquals(3, app.problems().size());
  }

  @Test
  void blank_values_count_as_missing() {
    IntercomApp app =
        IntercomApp.of(
            Optional.of(" "), Optional.of(""), Optional.of(""), Optional.of(" "), Optional.of(""));

    assertEquals(3, app.problems().size(), app.problems().toString());
    assertTrue(app.realIntercom());
  }

  @Test
  void the_redirect_uri_is_derived_from_the_public_base_url() {
    IntercomApp app =
        IntercomApp.of(
            Optional.of("id"),
            Optional.of("secret"),
            NONE,
            Optional.of("https://sync.example.com"),
            NONE);

    assertTrue(app.usable(), app.problems().toString());
    assertEquals(
        URI.create("https://sync.example.com/api/v1/integrations/intercom/callback"),
        app.redirectUri().orElseThrow());
    assertEquals(
        "https://sync.example.com/api/v1/integrations/intercom/callback",
        app.settings().redirectUri().toString());
    assertEquals("https://app.intercom.com/oauth", app.settings().authorizeUrl().toString());
  }

  @Test
  void an_explicit_redirect_uri_wins_over_the_public_base_url() {
    IntercomApp app =
        IntercomApp.of(
            Optional.of("id"),
            Optional.of("secret"),
            Optional.of("https://other.example.com/cb"),
            Optional.of("https://sync.example.com/"),
            NONE);

    assertEquals(URI.create("https://other.example.com/cb"), app.redirectUri().orElseThrow());
  }

  @Test
  void the_simulators_public_secret_is_refused_against_the_real_intercom() {
    IntercomApp app =
        IntercomApp.of(
            Optional.of("sim-client"),
            Optional.of("sim-client-secret"),
            Optional.of("https://sync.example.com/cb"),
            NONE,
            Optional.of(""));

    assertFalse(app.usable());
    assertTrue(app.problems().get(0).contains("simulator's public secret"), app.problems().get(0));
  }

  @Test
  void the_simulators_secret_is_fine_against_a_stand_in() {
    IntercomApp app =
        IntercomApp.of(
            Optional.of("sim-client"),
            Optional.of("sim-client-secret"),
            Optional.of("http://localhost:9080/cb"),
            NONE,
            Optional.of("http://127.0.0.1:8089"));

    assertTrue(app.usable(), app.problems().toString());
    assertFalse(app.realIntercom());
    assertEquals("http://127.0.0.1:8089/oauth", app.settings().authorizeUrl().toString());
  }

  @Test
  void urls_that_are_not_absolute_http_are_refused_by_name() {
    IntercomApp app =
        IntercomApp.of(
            Optional.of("id"),
            Optional.of("secret"),
            Optional.of("/api/v1/integrations/intercom/callback"),
            NONE,
            Optional.of("127.0.0.1:8089"));

    String problems = String.join("\n", app.problems());
    assertTrue(problems.contains("INTERCOM_REDIRECT_URI is not an absolute http(s) URL"), problems);
    assertTrue(problems.contains("INTERCOM_BASE_URL is not an absolute http(s) URL"), problems);
  }

  @Test
  void an_unusable_app_refuses_to_connect_naming_what_is_missing() {
    IntercomApp app = IntercomApp.of(Optional.of("id"), NONE, NONE, NONE, NONE);
    IntercomOAuth oauth =
        new IntercomOAuth(app.settings(), app.problems(), new JdkIntercomHttp(), Clock.systemUTC());

    IntercomFailure.NotConfigured refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IntercomFailure.NotConfigured.class, () -> oauth.authorizeUrl("state"));
    assertEquals(2, refused.missing().size(), refused.missing().toString());
    assertTrue(refused.missing().get(0).startsWith("INTERCOM_CLIENT_SECRET"));
  }

  @Test
  void readiness_says_what_to_set() {
    IntercomApp app = IntercomApp.of(NONE, NONE, NONE, NONE, NONE);

    String message = IntercomAppReadinessCheck.message(app);
    for (String variable :
        List.of("INTERCOM_CLIENT_ID", "INTERCOM_CLIENT_SECRET", "INTERCOM_REDIRECT_URI")) {
      assertTrue(message.contains(variable), message);
    }
  }
}
