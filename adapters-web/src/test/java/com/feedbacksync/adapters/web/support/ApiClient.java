package com.feedbacksync.adapters.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.IntercomSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The admin API as the repository's frontend calls it, for the REST-level ITs. */
public final class ApiClient {

  // HTTP/1.1, as browsers and curl speak plain HTTP to the API: no h2c upgrade per connection.
  private final HttpClient http;
  private final URI base;

  public ApiClient(URL base) throws Exception {
    this(base, new CookieManager());
  }

  /** A client that keeps its cookies in {@code cookies}: the browser's jar, shared with a test. */
  public ApiClient(URL base, CookieHandler cookies) throws Exception {
    this.base = base.toURI();
    this.http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  public HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, token, null);
  }

  public HttpResponse<String> send(String method, String path, String token, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Accept", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> bytes(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  public static JsonObject json(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  /**
   * Creates the account as the research repository does (issue #19): the demo and the tests make
   * accounts through its API, never by SQL, so they hold only what the API lets be stored. Expects
   * 201: every caller's id is fresh, and a 200 would be an update of an account some other test
   * left, whose plan change would start a backfill.
   */
  public void createAccount(String id, String name, Plan plan) throws Exception {
    String body =
        Json.createObjectBuilder().add("name", name).add("plan", plan.name()).build().toString();
    HttpResponse<String> created =
        send("PUT", "api/v1/accounts/" + id, AdminTokens.serviceToken("research-repository"), body);
    assertEquals(201, created.statusCode(), "account " + id + ": " + created.body());
  }

  /** POST connect: the state of the OAuth flow it started. */
  public String beginConnect(String adminToken) throws Exception {
    HttpResponse<String> connect =
        send("POST", "api/v1/integrations/intercom/connect", adminToken, null);
    assertEquals(200, connect.statusCode(), connect.body());
    String authorize = json(connect).getString("authorizeUrl");
    assertTrue(authorize.contains("client_id=sim-client"), authorize);
    return URLDecoder.decode(
        authorize.replaceAll(".*[?&]state=([^&]*).*", "$1"), StandardCharsets.UTF_8);
  }

  /**
   * The admin clicks Allow on Intercom's consent page; returns the query Intercom redirects with.
   */
  public String allow(IntercomSimulator sim, String state) throws Exception {
    return allow(sim, state, 0);
  }

  /**
   * The same on a simulator of several workspaces: the admin allows the one of this index, whose
   * token the product then gets.
   */
  public String allow(IntercomSimulator sim, String state, int workspace) throws Exception {
    HttpResponse<Void> allowed =
        http.send(
            HttpRequest.newBuilder(sim.baseUri().resolve("/oauth/allow"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "client_id=sim-client&state="
                            + URLEncoder.encode(state, StandardCharsets.UTF_8)
                            + "&workspace="
                            + workspace
                            + "&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return URI.create(allowed.headers().firstValue("Location").orElseThrow()).getRawQuery();
  }

  /** Connects through the whole OAuth flow and waits until the first sync has taken history. */
  public void connectAndAwaitHistory(IntercomSimulator sim, String adminToken) throws Exception {
    String query = allow(sim, beginConnect(adminToken));
    HttpResponse<String> callback =
        get("api/v1/integrations/intercom/callback?" + query, adminToken);
    assertEquals(200, callback.statusCode(), callback.body());
    awaitHistory(adminToken);
  }

  public void awaitHistory(String token) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    String status = "";
    while (System.nanoTime() < deadline && !status.contains("\"historyComplete\":true")) {
      Thread.sleep(250);
      status = get("api/v1/integrations/intercom", token).body();
    }
    assertTrue(status.contains("\"historyComplete\":true"), status);
  }
}
