package com.feedbacksync.adapters.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.TestDatabase;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real WAR on a real Liberty against the real MariaDB: one slice through every layer. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountApiIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-it.war");
  }

  @Test
  void an_admin_reads_their_account_through_every_layer() throws Exception {
    String account = "it-" + UUID.randomUUID().toString().substring(0, 8);
    TestDatabase.insertAccount(account, "Acme Research", "START");

    HttpResponse<String> response =
        get("api/v1/account", AdminTokens.token("ada", account, "admin"));

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        "{\"id\":\"" + account + "\",\"name\":\"Acme Research\",\"plan\":\"START\"}",
        response.body());
  }

  @Test
  void a_member_may_read_the_account_too() throws Exception {
    String account = "it-" + UUID.randomUUID().toString().substring(0, 8);
    TestDatabase.insertAccount(account, "Globex", "PAID");

    HttpResponse<String> response =
        get("api/v1/account", AdminTokens.token("bo", account, "member"));

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"plan\":\"PAID\""), response.body());
  }

  @Test
  void an_unknown_account_answers_404_as_a_problem() throws Exception {
    HttpResponse<String> response =
        get("api/v1/account", AdminTokens.token("ada", "no-such-account", "admin"));

    assertEquals(404, response.statusCode());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(response.body().contains("\"status\":404"), response.body());
  }

  @Test
  void a_request_without_a_token_is_refused() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve("api/v1/account")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(401, response.statusCode());
  }

  @Test
  void readiness_is_up_with_the_schema_migrated() throws Exception {
    URI ready = URI.create(base.getProtocol() + "://" + base.getAuthority() + "/health/ready");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.body().matches(".*\"status\":\"UP\".*\"schemaVersion\":\"[0-9]+\".*"),
        response.body());
  }

  @Test
  void the_openapi_document_describes_the_account_endpoint() throws Exception {
    URI openapi = URI.create(base.getProtocol() + "://" + base.getAuthority() + "/openapi");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(openapi).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("/api/v1/account"), response.body());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
