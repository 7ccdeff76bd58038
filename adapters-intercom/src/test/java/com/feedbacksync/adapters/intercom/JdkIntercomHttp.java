package com.feedbacksync.adapters.intercom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link IntercomHttp} on the JDK's HTTP client, for running the adapter against the simulator
 * outside the server (where the MicroProfile REST Client lives). Same paths and headers as {@link
 * IntercomApi}.
 */
class JdkIntercomHttp implements IntercomHttp {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpRequest.Builder request(URI api, String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Intercom-Version", IntercomApi.VERSION);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Reply send(HttpRequest request, long maxBytes) throws IOException {
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
          throw new IOException("the answer is larger than " + maxBytes + " bytes");
        }
        return new Reply(response.statusCode(), response.headers().map(), body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private Reply get(URI api, String path, String token) throws IOException {
    return send(request(api, path, token).GET().build(), 64L << 20);
  }

  private Reply post(URI api, String path, String token, String json) throws IOException {
    return send(
        request(api, path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        64L << 20);
  }

  @Override
  public Reply me(URI api, String token) throws IOException {
    return get(api, "me", token);
  }

  @Override
  public Reply searchConversations(URI api, String token, String body) throws IOException {
    return post(api, "conversations/search", token, body);
  }

  @Override
  public Reply conversation(URI api, String token, String id) throws IOException {
    return get(api, "conversations/" + URLEncoder.encode(id, StandardCharsets.UTF_8), token);
  }

  @Override
  public Reply deletedConversations(URI api, String token, int page, int perPage)
      throws IOException {
    return get(
        api, "conversations/deleted?page=" + page + "&per_page=" + perPage + "&order=asc", token);
  }

  @Override
  public Reply searchContacts(URI api, String token, String body) throws IOException {
    return post(api, "contacts/search", token, body);
  }

  @Override
  public Reply contact(URI api, String token, String id) throws IOException {
    return get(api, "contacts/" + URLEncoder.encode(id, StandardCharsets.UTF_8), token);
  }

  @Override
  public Reply contactSegments(URI api, String token, String id) throws IOException {
    return get(
        api, "contacts/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/segments", token);
  }

  @Override
  public Reply contactCompanies(URI api, String token, String id) throws IOException {
    return get(
        api, "contacts/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/companies", token);
  }

  @Override
  public Reply company(URI api, String token, String id) throws IOException {
    return get(api, "companies/" + URLEncoder.encode(id, StandardCharsets.UTF_8), token);
  }

  @Override
  public Reply listCompanies(URI api, String token, int page, int perPage) throws IOException {
    return send(
        request(
                api,
                "companies/list?page="
                    + page
                    + "&per_page="
                    + perPage
                    + "&order="
                    + CompanyCalls.COMPANIES_ORDER,
                token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        64L << 20);
  }

  @Override
  public Reply companyContacts(URI api, String token, String id, int page, int perPage)
      throws IOException {
    return get(
        api,
        "companies/"
            + URLEncoder.encode(id, StandardCharsets.UTF_8)
            + "/contacts?page="
            + page
            + "&per_page="
            + perPage,
        token);
  }

  @Override
  public Reply exchangeCode(URI api, Map<String, String> form) throws IOException {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        request(api, "auth/eagle/token", null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        1 << 20);
  }

  @Override
  public Reply download(URI file, long maxBytes, OutputStream into) throws IOException {
    try {
      HttpResponse<InputStream> response =
          client.send(
              HttpRequest.newBuilder(file).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() == 200) {
          BoundedCopy.copy(in, into, maxBytes);
        }
        return new Reply(response.statusCode(), response.headers().map(), new byte[0]);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
