package com.feedbacksync.adapters.intercom;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;

/**
 * Counts every answered call by endpoint on its way through: one place that sees each call, retries
 * and 429s included, whatever walk made it. A call that got no answer (a reset, a timeout) is
 * counted by its retries, not here.
 */
final class MeteredHttp implements IntercomHttp {

  private final IntercomHttp http;
  private final CallMeter meter;

  MeteredHttp(IntercomHttp http, CallMeter meter) {
    this.http = http;
    this.meter = meter;
  }

  private interface Call {
    Reply send() throws IOException;
  }

  private Reply counted(String endpoint, Call call) throws IOException {
    Reply reply = call.send();
    meter.answered(endpoint, reply.status());
    return reply;
  }

  @Override
  public Reply me(URI api, String token) throws IOException {
    return counted("me", () -> http.me(api, token));
  }

  @Override
  public Reply searchConversations(URI api, String token, String body) throws IOException {
    return counted("conversation_search", () -> http.searchConversations(api, token, body));
  }

  @Override
  public Reply conversation(URI api, String token, String id) throws IOException {
    return counted("conversation", () -> http.conversation(api, token, id));
  }

  @Override
  public Reply deletedConversations(URI api, String token, int page, int perPage)
      throws IOException {
    return counted(
        "deleted_conversations", () -> http.deletedConversations(api, token, page, perPage));
  }

  @Override
  public Reply searchContacts(URI api, String token, String body) throws IOException {
    return counted("contact_search", () -> http.searchContacts(api, token, body));
  }

  @Override
  public Reply contact(URI api, String token, String id) throws IOException {
    return counted("contact", () -> http.contact(api, token, id));
  }

  @Override
  public Reply contactSegments(URI api, String token, String id) throws IOException {
    return counted("contact_segments", () -> http.contactSegments(api, token, id));
  }

  @Override
  public Reply contactCompanies(URI api, String token, String id) throws IOException {
    return counted("contact_companies", () -> http.contactCompanies(api, token, id));
  }

  @Override
  public Reply company(URI api, String token, String id) throws IOException {
    return counted("company", () -> http.company(api, token, id));
  }

  @Override
  public Reply exchangeCode(URI api, Map<String, String> form) throws IOException {
    return counted("oauth_token", () -> http.exchangeCode(api, form));
  }

  @Override
  public Reply listCompanies(URI api, String token, int page, int perPage) throws IOException {
    return counted("companies_list", () -> http.listCompanies(api, token, page, perPage));
  }

  @Override
  public Reply companyContacts(URI api, String token, String id, int page, int perPage)
      throws IOException {
    return counted("company_contacts", () -> http.companyContacts(api, token, id, page, perPage));
  }

  @Override
  public Reply download(URI file, long maxBytes, OutputStream into) throws IOException {
    return counted("file_download", () -> http.download(file, maxBytes, into));
  }

  @Override
  public void close() {
    http.close();
  }
}
