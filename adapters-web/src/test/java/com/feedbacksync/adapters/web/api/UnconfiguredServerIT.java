package com.feedbacksync.adapters.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.LibertyServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server pointed at the real Intercom without its app, redirect or token keys, with the
 * simulator's public secret and a wrong database password, as an operator might start it by
 * mistake: it starts, but is not ready and says why (readiness, in words that name the variables to
 * fix and never the database's own text, which goes to the log), and connecting answers 503 naming
 * what to set. Nothing falls back to the simulator's app or to a throwaway key.
 */
class UnconfiguredServerIT {

  private static final int HTTP_PORT = Integer.getInteger("it.bare.http.port", 9187);
  private static final int HTTPS_PORT = Integer.getInteger("it.bare.https.port", 9449);

  private static final String WRONG_PASSWORD = "not-the-password-" + System.nanoTime();

  @Test
  void against_the_real_intercom_without_app_or_keys_it_is_not_ready_and_says_why()
      throws Exception {
    AdminTokens.publish();
    // Empty values are missing values for MicroProfile Config: these undo the ITs' own settings.
    Map<String, String> env =
        Map.of(
            "INTERCOM_BASE_URL", "",
            "INTERCOM_CLIENT_ID", "",
            "INTERCOM_CLIENT_SECRET", "sim-client-secret",
            "INTERCOM_REDIRECT_URI", "",
            "FEEDBACKSYNC_PUBLIC_BASE_URL", "",
            "FEEDBACKSYNC_TOKEN_KEYS", "",
            // Set, but five bytes: not ready rather than a 500 on every document read.
            "FEEDBACKSYNC_FILE_LINKS_KEY", "c2hvcnQ=",
            "DB_PASSWORD", WRONG_PASSWORD,
            "FEEDBACKSYNC_SCHEDULER_ENABLED", "false");
    try (LibertyServer server =
        LibertyServer.start("feedbackSyncBare", HTTP_PORT, HTTPS_PORT, env)) {
      ApiClient api = new ApiClient(server.url());
      HttpResponse<String> ready = awaitAnswer(api, "health/ready");

      assertEquals(503, ready.statusCode(), ready.body());
      String health = ready.body();
      JsonObject database =
          ApiClient.json(ready).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
              .filter(check -> check.getString("name").equals("database"))
              .findFirst()
              .orElseThrow();
      assertEquals("DOWN", database.getString("status"), health);
      String databaseError = database.getJsonObject("data").getString("error");
      assertTrue(
          databaseError.contains("refused the user name or password")
              && databaseError.contains("DB_USER and DB_PASSWORD"),
          databaseError);
      // Readiness needs no token: none of the database's own words, user or host.
      for (String raw :
          List.of("Access denied", "feedbacksync@", "'feedbacksync'", "SQL", "DSRA")) {
        assertFalse(health.contains(raw), raw + " in " + health);
      }
      for (String expected :
          List.of(
              "INTERCOM_CLIENT_ID is not set",
              "the Intercom simulator's public secret",
              "neither INTERCOM_REDIRECT_URI nor FEEDBACKSYNC_PUBLIC_BASE_URL is set",
              "FEEDBACKSYNC_TOKEN_KEYS is not set",
              "FEEDBACKSYNC_FILE_LINKS_KEY (feedbacksync.file-links.key) holds 5 bytes")) {
        assertTrue(health.contains(expected), expected + " in " + health);
      }

      String admin = AdminTokens.token("ada", "bare-account", "admin");
      HttpResponse<String> connect =
          api.send("POST", "api/v1/integrations/intercom/connect", admin, null);
      assertEquals(503, connect.statusCode(), connect.body());
      assertTrue(
          connect
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json"),
          connect.headers().toString());
      JsonObject problem = ApiClient.json(connect);
      assertTrue(
          problem.getString("detail").contains("INTERCOM_CLIENT_ID is not set"),
          problem.toString());

      String logs = server.logs();
      assertTrue(logs.contains("Not ready: Intercom is not configured on this server"), "logged");
      assertTrue(logs.contains("Not ready: FEEDBACKSYNC_TOKEN_KEYS is not set"), "logged");
      assertTrue(logs.contains("Not ready: FEEDBACKSYNC_FILE_LINKS_KEY"), "logged");
      assertTrue(
          logs.contains("Not ready: the database refused the user name or password"), "logged");
      assertTrue(logs.contains("Access denied"), "the database's own words are in the log");
      assertFalse(logs.contains(WRONG_PASSWORD), "but never the password");
    }
  }

  /**
   * Waits until the application's checks answer: until it has started, readiness is DOWN with no
   * checks at all.
   */
  private static HttpResponse<String> awaitAnswer(ApiClient api, String path) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = api.get(path, null);
        if (last.body().contains("\"name\"")) {
          return last;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no readiness answer: " + (last == null ? "none" : last.body()));
  }
}
