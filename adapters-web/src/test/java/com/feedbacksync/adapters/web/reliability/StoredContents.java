package com.feedbacksync.adapters.web.reliability;

import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.simulator.DocumentContent;
import com.feedbacksync.simulator.DocumentContent.FileFacts;
import com.feedbacksync.simulator.DocumentContent.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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
 * An account's live documents as the product stored them, brought to {@link DocumentContent}'s form
 * to be compared with the simulator's: each document's messages and the bytes of its kept files,
 * read from the database in two queries (the admin API serves the same rows, one document per
 * request: thousands of requests a row would cost the suite minutes).
 */
final class StoredContents {

  private static final Pattern IMAGE = Pattern.compile("<img\\b", Pattern.CASE_INSENSITIVE);

  private StoredContents() {}

  /** Every live document of the account, by Intercom conversation id. */
  static Map<String, DocumentContent> of(String account) throws Exception {
    Map<String, List<String>> files = fileDigests(account);
    Map<String, DocumentContent> documents = new HashMap<>();
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT conversation_id, messages_json FROM feedback_document"
                    + " WHERE account_id = ? AND deleted_at IS NULL")) {
      q.setString(1, account);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          documents.put(
              id,
              new DocumentContent(messages(rs.getString(2)), files.getOrDefault(id, List.of())));
        }
      }
    }
    return documents;
  }

  private static List<Message> messages(String json) {
    List<Message> messages = new ArrayList<>();
    for (JsonObject m :
        Json.createReader(new StringReader(json)).readArray().getValuesAs(JsonObject.class)) {
      JsonObject author = m.getJsonObject("author");
      String html = m.getString("html", "");
      List<FileFacts> attachments =
          m.getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
              .map(
                  f ->
                      new FileFacts(
                          f.getString("name"),
                          f.getString("content_type"),
                          f.containsKey("size") ? f.getJsonNumber("size").longValue() : -1))
              .toList();
      messages.add(
          new Message(
              m.getString("kind"),
              author.getString("type"),
              author.getString("id", null),
              Instant.parse(m.getString("created_at")).getEpochSecond(),
              m.getBoolean("redacted"),
              DocumentContent.visibleText(html),
              (int) IMAGE.matcher(html).results().count(),
              attachments));
    }
    return messages;
  }

  /** Each stored file's SHA-256 over its pieces in order, as one stream of bytes. */
  private static Map<String, List<String>> fileDigests(String account) throws Exception {
    Map<String, List<String>> files = new HashMap<>();
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT conversation_id, workspace_id, file_id, bytes FROM document_file_chunk"
                    + " WHERE account_id = ? ORDER BY conversation_id, workspace_id, file_id, seq")) {
      q.setString(1, account);
      try (ResultSet rs = q.executeQuery()) {
        String file = null;
        String conversation = null;
        java.security.MessageDigest sha = null;
        while (rs.next()) {
          String key = rs.getString(1) + "\n" + rs.getString(2) + "\n" + rs.getString(3);
          if (!key.equals(file)) {
            if (sha != null) {
              files
                  .computeIfAbsent(conversation, k -> new ArrayList<>())
                  .add(java.util.HexFormat.of().formatHex(sha.digest()));
            }
            file = key;
            conversation = rs.getString(1);
            sha = java.security.MessageDigest.getInstance("SHA-256");
          }
          sha.update(rs.getBytes(4));
        }
        if (sha != null) {
          files
              .computeIfAbsent(conversation, k -> new ArrayList<>())
              .add(java.util.HexFormat.of().formatHex(sha.digest()));
        }
      }
    }
    return files;
  }
}
