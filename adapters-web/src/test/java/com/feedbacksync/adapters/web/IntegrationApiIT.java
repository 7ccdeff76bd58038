package com.feedbacksync.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration endpoints over HTTP, as the research repository's frontend calls them: connect
 * through OAuth against the simulator, watch the first sync finish, refuse what must be refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntegrationApiIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-integration-it.war");
  }

  @Test
  void an_admin_connects_through_oauth_and_the_first_sync_stores_the_oracles_documents()
      throws Exception {
    int port = Integer.parseInt(System.getProperty("it.simulator.port", "9189"));
    try (IntercomSimulator sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(12, 300).withRatePerMinute(0).withPort(port))) {
      String account = "api-" + UUID.randomUUID().toString().substring(0, 8);
      TestDatabase.insertAccount(account, "Api IT", "START");
      String admin = AdminTokens.token("ada", account, "admin");

      assertTrue(
          get("api/v1/integrations/intercom", admin).body().contains("\"state\":\"DISCONNECTED\""));
      HttpResponse<String> connect = send("POST", "api/v1/integrations/intercom/connect", admin);
      assertEquals(200, connect.statusCode(), connect.body());
      String authorize = connect.body().replaceAll(".*\"authorizeUrl\":\"([^\"]*)\".*", "$1");
      assertTrue(authorize.contains("client_id=sim-client"), authorize);
      String state =
          URLDecoder.decode(
              authorize.replaceAll(".*[?&]state=([^&]*).*", "$1"), StandardCharsets.UTF_8);

      // The admin clicks Allow on Intercom's consent page; Intercom redirects back with a code.
      String query = allow(sim, state);

      assertEquals(
          400,
          get(
                  "api/v1/integrations/intercom/callback?" + query,
                  AdminTokens.token("mallory", account, "admin"))
              .statusCode(),
          "another admin cannot finish it (and the state is used up)");
      // Start again, and finish it as the admin who started.
      String state2 =
          URLDecoder.decode(
              send("POST", "api/v1/integrations/intercom/connect", admin)
                  .body()
                  .replaceAll(".*[?&]state=([^&\"]*).*", "$1"),
              StandardCharsets.UTF_8);
      String query2 = allow(sim, state2);
      HttpResponse<String> callback = get("api/v1/integrations/intercom/callback?" + query2, admin);
      assertEquals(200, callback.statusCode(), callback.body());
      assertTrue(callback.body().contains("\"state\":\"CONNECTED\""), callback.body());
      assertEquals(
          400,
          get("api/v1/integrations/intercom/callback?" + query2, admin).statusCode(),
          "a state works once");

      long deadline = System.nanoTime() + 120_000_000_000L;
      String status = "";
      while (System.nanoTime() < deadline && !status.contains("\"historyComplete\":true")) {
        Thread.sleep(250);
        status =
            get("api/v1/integrations/intercom", AdminTokens.token("bo", account, "member")).body();
      }
      assertTrue(status.contains("\"historyComplete\":true"), status);
      assertEquals(
          new TreeSet<>(sim.oracle().qualifyingNewestFirst()), TestDatabase.documentIds(account));

      assertEquals(
          403,
          send(
                  "POST",
                  "api/v1/integrations/intercom/sync",
                  AdminTokens.token("bo", account, "member"))
              .statusCode(),
          "a member may read, not act");
      assertEquals(202, send("POST", "api/v1/integrations/intercom/sync", admin).statusCode());
      assertEquals(
          204, send("DELETE", "api/v1/integrations/intercom?purge=true", admin).statusCode());
      assertTrue(
          get("api/v1/integrations/intercom", admin).body().contains("\"state\":\"DISCONNECTED\""));
    }
  }

  @Test
  void a_forged_state_and_a_sync_without_connection_are_refused_as_problems() throws Exception {
    String account = "api-" + UUID.randomUUID().toString().substring(0, 8);
    TestDatabase.insertAccount(account, "Api IT", "PAID");
    String admin = AdminTokens.token("ada", account, "admin");
    HttpResponse<String> forged =
        get("api/v1/integrations/intercom/callback?code=abc%3D&state=forged", admin);
    assertEquals(400, forged.statusCode());
    assertEquals(
        "application/problem+json", forged.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<String> sync = send("POST", "api/v1/integrations/intercom/sync", admin);
    assertEquals(409, sync.statusCode());
    assertTrue(sync.body().contains("\"status\":409"), sync.body());
  }

  /**
   * The admin clicks Allow on Intercom's consent page; returns the query Intercom redirects with.
   */
  private String allow(IntercomSimulator sim, String state) throws Exception {
    HttpResponse<Void> allowed =
        http.send(
            HttpRequest.newBuilder(sim.baseUri().resolve("/oauth/allow"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "client_id=sim-client&state="
                            + URLEncoder.encode(state, StandardCharsets.UTF_8)
                            + "&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return URI.create(allowed.headers().firstValue("Location").orElseThrow()).getRawQuery();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, token);
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
