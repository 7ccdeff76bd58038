package com.feedbacksync.adapters.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.domain.account.Plan;
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

/**
 * The real WAR on a real Liberty against the real MariaDB: one slice through every layer; the
 * research repository creating and updating an account with its service token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountApiIT {

  private static final String PROBLEM = "application/problem+json";

  private final HttpClient http = HttpClient.newHttpClient();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive war() {
    return ItDeployments.war("feedback-sync-it.war");
  }

  @Test
  void an_admin_reads_their_account_through_every_layer() throws Exception {
    String account = "it-" + UUID.randomUUID().toString().substring(0, 8);
    new ApiClient(base).createAccount(account, "Acme Research", Plan.START);

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
    new ApiClient(base).createAccount(account, "Globex", Plan.PAID);

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
  void the_repository_creates_and_updates_an_account_and_its_admins_cannot_change_the_plan()
      throws Exception {
    String account = "repo-" + UUID.randomUUID().toString().substring(0, 8);
    String service = AdminTokens.serviceToken("research-repository");

    HttpResponse<String> created =
        put("api/v1/accounts/" + account, service, "{\"name\":\"Initech\",\"plan\":\"START\"}");
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(
        created.headers().firstValue("Location").orElse("").endsWith("/api/v1/accounts/" + account),
        created.headers().toString());
    String admin = AdminTokens.token("ada", account, "admin");
    assertEquals(
        "{\"id\":\"" + account + "\",\"name\":\"Initech\",\"plan\":\"START\"}",
        get("api/v1/account", admin).body(),
        "its admins read the account the repository created");

    HttpResponse<String> refused = put("api/v1/account/plan", admin, "{\"plan\":\"PAID\"}");
    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals(PROBLEM, refused.headers().firstValue("Content-Type").orElse(""));
    assertTrue(refused.body().contains("set by the research repository"), refused.body());
    assertEquals(
        403,
        put("api/v1/accounts/" + account, admin, "{\"name\":\"Initech\",\"plan\":\"PAID\"}")
            .statusCode(),
        "an admin token cannot use the repository's endpoint either");
    assertTrue(get("api/v1/account", admin).body().contains("\"plan\":\"START\""));

    HttpResponse<String> upgraded =
        put(
            "api/v1/accounts/" + account,
            service,
            "{\"name\":\"Initech Research\",\"plan\":\"PAID\"}");
    assertEquals(200, upgraded.statusCode(), upgraded.body());
    assertTrue(upgraded.body().contains("\"created\":false"), upgraded.body());
    assertTrue(upgraded.body().contains("\"backfill\":"), "a plan change says what it means");
    assertEquals(
        "{\"id\":\"" + account + "\",\"name\":\"Initech Research\",\"plan\":\"PAID\"}",
        get("api/v1/account", admin).body());
    assertEquals(
        403,
        get("api/v1/documents", service).statusCode(),
        "the repository's token reads no account's data");
  }

  @Test
  void invalid_account_requests_are_problems_naming_each_field() throws Exception {
    String service = AdminTokens.serviceToken("research-repository");

    HttpResponse<String> bad =
        put("api/v1/accounts/bad%20id", service, "{\"name\":\" \",\"plan\":\"GOLD\"}");

    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(PROBLEM, bad.headers().firstValue("Content-Type").orElse(""));
    for (String field :
        new String[] {"\"field\":\"id\"", "\"field\":\"name\"", "\"field\":\"plan\""}) {
      assertTrue(bad.body().contains(field), field + " in " + bad.body());
    }
    assertEquals(400, put("api/v1/accounts/acme-x", service, "{\"name\":").statusCode());

    // The database tells ids apart without letter case: one that differs only so is refused.
    String lower = "case-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        201,
        put("api/v1/accounts/" + lower, service, "{\"name\":\"Lower\",\"plan\":\"START\"}")
            .statusCode());
    HttpResponse<String> clash =
        put(
            "api/v1/accounts/" + lower.toUpperCase(java.util.Locale.ROOT),
            service,
            "{\"name\":\"Upper\",\"plan\":\"PAID\"}");
    assertEquals(409, clash.statusCode(), clash.body());
    assertEquals(PROBLEM, clash.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        get("api/v1/accounts/" + lower, service).body().contains("\"name\":\"Lower\""),
        "the stored account is untouched");
    assertEquals(
        404, get("api/v1/accounts/never-created-" + UUID.randomUUID(), service).statusCode());
  }

  @Test
  void an_admin_chooses_internal_notes_for_the_account_a_member_only_reads_it() throws Exception {
    String account = "it-" + UUID.randomUUID().toString().substring(0, 8);
    new ApiClient(base).createAccount(account, "Hooli", Plan.START);
    String admin = AdminTokens.token("ada", account, "admin");
    String member = AdminTokens.token("bo", account, "member");
    String settings = "api/v1/integrations/intercom/settings";

    assertEquals(
        "{\"chosen\":false,\"includeInternalNotes\":false}",
        get(settings, member).body(),
        "no choice yet: the server's default (the ITs' server keeps notes out)");
    assertEquals(403, put(settings, member, "{\"includeInternalNotes\":true}").statusCode());
    for (String invalid : new String[] {"{}", "{\"includeInternalNotes\":null}", ""}) {
      HttpResponse<String> bad = put(settings, admin, invalid);
      assertEquals(400, bad.statusCode(), invalid + ": " + bad.body());
      assertEquals(PROBLEM, bad.headers().firstValue("Content-Type").orElse(""), invalid);
    }
    assertEquals(
        400,
        put(settings, admin, "{\"includeInternalNotes\":\"yes\"}").statusCode(),
        "a string is not a yes");

    HttpResponse<String> chosen = put(settings, admin, "{\"includeInternalNotes\":true}");
    assertEquals(200, chosen.statusCode(), chosen.body());
    assertEquals("{\"chosen\":true,\"includeInternalNotes\":true}", chosen.body());
    assertEquals(chosen.body(), get(settings, member).body(), "stored, for every member to read");
    assertEquals(
        404, get(settings, AdminTokens.token("ada", "no-such-account", "admin")).statusCode());
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

  private HttpResponse<String> put(String path, String token, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
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
