package com.feedbacksync.adapters.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.net.URL;
import java.net.http.HttpResponse;
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
      String state = api().beginConnect(admin);

      // The admin clicks Allow on Intercom's consent page; Intercom redirects back with a code.
      String query = api().allow(sim, state);

      assertEquals(
          400,
          get(
                  "api/v1/integrations/intercom/callback?" + query,
                  AdminTokens.token("mallory", account, "admin"))
              .statusCode(),
          "another admin cannot finish it (and the state is used up)");
      // Start again, and finish it as the admin who started.
      String query2 = api().allow(sim, api().beginConnect(admin));
      HttpResponse<String> callback = get("api/v1/integrations/intercom/callback?" + query2, admin);
      assertEquals(200, callback.statusCode(), callback.body());
      assertTrue(callback.body().contains("\"state\":\"CONNECTED\""), callback.body());
      assertEquals(
          400,
          get("api/v1/integrations/intercom/callback?" + query2, admin).statusCode(),
          "a state works once");

      api().awaitHistory(AdminTokens.token("bo", account, "member"));
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

  private ApiClient api() throws Exception {
    return new ApiClient(base);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return api().get(path, token);
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    return api().send(method, path, token, null);
  }
}
