package com.feedbacksync.adapters.intercom;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;

/**
 * The Intercom calls the adapter makes, one method per endpoint, answering raw {@link Reply}s so
 * that paging, pacing, retries and error handling live in one place above it. In the server the
 * MicroProfile REST Client implements it ({@link RestClientHttp}).
 */
interface IntercomHttp extends AutoCloseable {

  Reply me(URI api, String token) throws IOException;

  Reply searchConversations(URI api, String token, String body) throws IOException;

  Reply conversation(URI api, String token, String id) throws IOException;

  Reply deletedConversations(URI api, String token, int page, int perPage) throws IOException;

  Reply searchContacts(URI api, String token, String body) throws IOException;

  Reply contact(URI api, String token, String id) throws IOException;

  Reply contactSegments(URI api, String token, String id) throws IOException;

  Reply contactCompanies(URI api, String token, String id) throws IOException;

  Reply company(URI api, String token, String id) throws IOException;

  /**
   * {@code POST /companies/list}: every company with contacts, by page number, newest request
   * first.
   */
  Reply listCompanies(URI api, String token, int page, int perPage) throws IOException;

  /** {@code GET /companies/{id}/contacts}, by page number. */
  Reply companyContacts(URI api, String token, String id, int page, int perPage) throws IOException;

  Reply exchangeCode(URI api, Map<String, String> form) throws IOException;

  /**
   * A file at an absolute URL (already checked against the allow-list): a 200's body is written to
   * {@code into}, up to {@code maxBytes} (a longer one fails with an IOException saying it is
   * "larger than" that); the reply itself carries no body.
   */
  Reply download(URI file, long maxBytes, OutputStream into) throws IOException;

  /** Lets go of connections and threads when the application stops; no call follows. */
  @Override
  default void close() {}
}
