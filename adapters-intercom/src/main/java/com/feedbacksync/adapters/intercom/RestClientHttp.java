package com.feedbacksync.adapters.intercom;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** {@link IntercomHttp} on the server's MicroProfile REST Client, one client per API host. */
final class RestClientHttp implements IntercomHttp {

  private final IntercomSettings settings;
  private final Map<URI, IntercomApi> clients = new ConcurrentHashMap<>();
  private final Client files;

  RestClientHttp(IntercomSettings settings) {
    this.settings = settings;
    this.files =
        ClientBuilder.newBuilder()
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .build();
  }

  private IntercomApi api(URI base) {
    return clients.computeIfAbsent(
        base,
        b ->
            RestClientBuilder.newBuilder()
                .baseUri(b)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Statuses are read by the caller, which knows what each one means for a sync.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(IntercomApi.class));
  }

  private Reply call(URI base, Function<IntercomApi, Response> call, long maxBytes)
      throws IOException {
    try (Response response = call.apply(api(base))) {
      return reply(response, maxBytes);
    } catch (ProcessingException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Reply reply(Response response, long maxBytes) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.getStringHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
    byte[] body = new byte[0];
    if (response.hasEntity()) {
      try (InputStream in = response.readEntity(InputStream.class)) {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (body.length > maxBytes) {
        throw new IOException("Intercom's answer is larger than " + maxBytes + " bytes");
      }
    }
    return new Reply(response.getStatus(), headers, body);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @Override
  public Reply me(URI api, String token) throws IOException {
    return call(api, a -> a.me(bearer(token)), settings.maxResponseBytes());
  }

  @Override
  public Reply searchConversations(URI api, String token, String body) throws IOException {
    return call(api, a -> a.searchConversations(bearer(token), body), settings.maxResponseBytes());
  }

  @Override
  public Reply conversation(URI api, String token, String id) throws IOException {
    return call(api, a -> a.conversation(bearer(token), id), settings.maxResponseBytes());
  }

  @Override
  public Reply deletedConversations(URI api, String token, int page, int perPage)
      throws IOException {
    return call(
        api,
        a -> a.deletedConversations(bearer(token), page, perPage, "asc"),
        settings.maxResponseBytes());
  }

  @Override
  public Reply searchContacts(URI api, String token, String body) throws IOException {
    return call(api, a -> a.searchContacts(bearer(token), body), settings.maxResponseBytes());
  }

  @Override
  public Reply contact(URI api, String token, String id) throws IOException {
    return call(api, a -> a.contact(bearer(token), id), settings.maxResponseBytes());
  }

  @Override
  public Reply contactSegments(URI api, String token, String id) throws IOException {
    return call(api, a -> a.contactSegments(bearer(token), id), settings.maxResponseBytes());
  }

  @Override
  public Reply contactCompanies(URI api, String token, String id) throws IOException {
    return call(api, a -> a.contactCompanies(bearer(token), id), settings.maxResponseBytes());
  }

  @Override
  public Reply company(URI api, String token, String id) throws IOException {
    return call(api, a -> a.company(bearer(token), id), settings.maxResponseBytes());
  }

  @Override
  public Reply listCompanies(URI api, String token, int page, int perPage) throws IOException {
    return call(
        api,
        a -> a.listCompanies(bearer(token), page, perPage, CompanyCalls.COMPANIES_ORDER),
        settings.maxResponseBytes());
  }

  @Override
  public Reply companyContacts(URI api, String token, String id, int page, int perPage)
      throws IOException {
    return call(
        api, a -> a.companyContacts(bearer(token), id, page, perPage), settings.maxResponseBytes());
  }

  @Override
  public Reply exchangeCode(URI api, Map<String, String> form) throws IOException {
    return call(
        api,
        a -> a.exchangeCode(form.get("code"), form.get("client_id"), form.get("client_secret")),
        settings.maxResponseBytes());
  }

  @Override
  public Reply download(URI file, long maxBytes, OutputStream into) throws IOException {
    try (Response response = files.target(file).request().get()) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      response.getStringHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
      if (response.getStatus() == 200 && response.hasEntity()) {
        try (InputStream in = response.readEntity(InputStream.class)) {
          BoundedCopy.copy(in, into, maxBytes);
        }
      }
      return new Reply(response.getStatus(), headers, new byte[0]);
    } catch (ProcessingException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * Closes every client this made: left to the garbage collector, RESTEasy closes a client's engine
   * late and warns about it, and a redeployed application would keep the old pools' sockets.
   */
  @Override
  public void close() {
    for (IntercomApi api : clients.values()) {
      try {
        if (api instanceof AutoCloseable closeable) {
          closeable.close();
        }
      } catch (Exception e) {
        // Stopping: the next client still gets closed.
      }
    }
    clients.clear();
    files.close();
  }
}
