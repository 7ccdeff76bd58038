package com.feedbacksync.adapters.web.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.simulator.DocumentContent;
import com.feedbacksync.simulator.DocumentContent.FileFacts;
import com.feedbacksync.simulator.DocumentContent.Message;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An account's documents as the product stored them, brought to {@link DocumentContent}'s form to
 * be compared with the simulator's: the messages as the admin API serves a document ({@code GET
 * /documents/{id}}), the bytes of its kept files from the database (a document's files are served
 * one by one behind signed links; their rows are the same bytes).
 */
final class StoredContents {

  private static final Pattern IMAGE = Pattern.compile("<img\\b", Pattern.CASE_INSENSITIVE);

  private final ApiClient api;
  private final String token;
  private final Map<String, List<String>> filesByDocument;

  private StoredContents(ApiClient api, String account) throws Exception {
    this.api = api;
    this.token = AdminTokens.token("bo", account, "member");
    this.filesByDocument = fileDigests(account);
  }

  /** Reads the account's stored files once; documents are then read one by one. */
  static StoredContents of(ApiClient api, String account) throws Exception {
    return new StoredContents(api, account);
  }

  DocumentContent document(String id) throws Exception {
    var response = api.get("api/v1/documents/" + id, token);
    assertEquals(200, response.statusCode(), "document " + id);
    List<Message> messages = new ArrayList<>();
    for (JsonObject m :
        ApiClient.json(response).getJsonArray("messages").getValuesAs(JsonObject.class)) {
      JsonObject author = m.getJsonObject("author");
      String html = m.getString("html", "");
      List<FileFacts> files =
          m.getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
              .map(
                  f ->
                      new FileFacts(
                          f.getString("name"),
                          f.getString("contentType"),
                          f.isNull("sizeBytes") ? -1 : f.getJsonNumber("sizeBytes").longValue()))
              .toList();
      messages.add(
          new Message(
              m.getString("kind"),
              author.getString("type"),
              author.isNull("id") ? null : author.getString("id"),
              Instant.parse(m.getString("createdAt")).getEpochSecond(),
              m.getBoolean("redacted"),
              DocumentContent.visibleText(html),
              (int) IMAGE.matcher(html).results().count(),
              files));
    }
    return new DocumentContent(messages, filesByDocument.getOrDefault(id, List.of()));
  }

  private static Map<String, List<String>> fileDigests(String account) throws Exception {
    Map<String, List<String>> files = new HashMap<>();
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT conversation_id, SHA2(content, 256) FROM document_file"
                    + " WHERE account_id = ?")) {
      q.setString(1, account);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          files.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return files;
  }
}
