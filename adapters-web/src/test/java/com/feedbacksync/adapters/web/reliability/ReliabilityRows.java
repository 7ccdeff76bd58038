package com.feedbacksync.adapters.web.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link ReliabilityIT} reads from the database to check the product against: digests of an
 * account's rows, its runs, checkpoints and files, and the whole dump searched for secrets.
 */
final class ReliabilityRows {

  private ReliabilityRows() {}

  /** The copies of the conversation's file of this size that these accounts hold. */
  static int copies(String conversation, int size, Collection<String> accounts) throws Exception {
    List<Object> parameters = new ArrayList<>(List.of(conversation, size));
    parameters.addAll(accounts);
    return single(
            Long.class,
            "SELECT COUNT(*) FROM document_file WHERE conversation_id = ? AND size_bytes = ?"
                + " AND account_id IN ("
                + String.join(", ", java.util.Collections.nCopies(accounts.size(), "?"))
                + ")",
            parameters.toArray())
        .intValue();
  }

  /** The conversations the account has committed: as documents, or set aside. */
  static Set<String> conversationsRecorded(String account) throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT conversation_id FROM feedback_document WHERE account_id = ? UNION SELECT"
                    + " intercom_id FROM skipped_item WHERE account_id = ? AND kind ="
                    + " 'CONVERSATION'")) {
      q.setString(1, account);
      q.setString(2, account);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /**
   * A digest of every row the account holds (documents with their content, tags, attributes and
   * times; profiles; files), in a fixed order, per table with its row count, so that a difference
   * says where it is. Without sync times it compares content only.
   */
  static Map<String, String> digest(String account, boolean withSyncTimes) throws Exception {
    Map<String, String> tables = new java.util.LinkedHashMap<>();
    for (String sql :
        List.of(
            "SELECT conversation_id, title, status, tags_json, attributes_json, messages_json,"
                + " original_url, customer_contact_id, created_at, updated_at, deleted_at"
                + (withSyncTimes ? ", synced_at" : "")
                + " FROM feedback_document WHERE account_id = ? ORDER BY conversation_id",
            "SELECT contact_id, name, email, segments_json, companies_json, properties_json,"
                + " updated_at, deleted_at FROM customer_profile WHERE account_id = ?"
                + " ORDER BY contact_id",
            // A file's digest: of its pieces' digests, in order.
            "SELECT f.conversation_id, f.file_id, f.content_type, f.size_bytes,"
                + " (SELECT SHA2(GROUP_CONCAT(SHA2(c.bytes, 256) ORDER BY c.seq SEPARATOR ''),"
                + " 256) FROM document_file_chunk c WHERE c.account_id = f.account_id"
                + " AND c.workspace_id = f.workspace_id AND c.conversation_id = f.conversation_id"
                + " AND c.file_id = f.file_id) FROM document_file f WHERE f.account_id = ?"
                + " ORDER BY f.conversation_id, f.file_id")) {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      int rows = 0;
      try (Connection c = TestDatabase.connect();
          PreparedStatement q = c.prepareStatement(sql)) {
        q.setString(1, account);
        try (ResultSet rs = q.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            rows++;
            for (int i = 1; i <= columns; i++) {
              sha.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
              sha.update((byte) 0);
            }
          }
        }
      }
      String table = sql.substring(sql.lastIndexOf(" FROM ") + 6).split(" ")[0];
      tables.put(table, rows + " rows, " + java.util.HexFormat.of().formatHex(sha.digest()));
    }
    return tables;
  }

  /** The watermark of the account's hourly stream. */
  static java.sql.Timestamp watermark(String account) throws Exception {
    return single(
        java.sql.Timestamp.class,
        "SELECT watermark FROM sync_checkpoint WHERE account_id = ? AND stream = 'CONVERSATIONS'",
        account);
  }

  static void setWatermark(String account, java.sql.Timestamp to) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement u =
            c.prepareStatement(
                "UPDATE sync_checkpoint SET watermark = ? WHERE account_id = ?"
                    + " AND stream = 'CONVERSATIONS'")) {
      u.setTimestamp(1, to);
      u.setString(2, account);
      assertEquals(1, u.executeUpdate());
    }
  }

  /** The calls the account's last finished hourly run recorded. */
  static long lastRunCalls(String account) throws Exception {
    return single(
        Long.class,
        "SELECT api_calls FROM sync_run WHERE account_id = ? AND kind = 'HOURLY'"
            + " AND state <> 'RUNNING' ORDER BY finished_at DESC LIMIT 1",
        account);
  }

  static java.sql.Timestamp updatedAt(String account, String conversation) throws Exception {
    return single(
        java.sql.Timestamp.class,
        "SELECT updated_at FROM feedback_document WHERE account_id = ? AND conversation_id = ?",
        account,
        conversation);
  }

  static int runs(String account) throws Exception {
    return count("SELECT COUNT(*) FROM sync_run WHERE account_id = ?", account);
  }

  static int runsInState(String account, String state) throws Exception {
    return count(
        "SELECT COUNT(*) FROM sync_run WHERE account_id = ? AND state = '" + state + "'", account);
  }

  static int runsOf(String account, String kind, String state) throws Exception {
    return count(
        "SELECT COUNT(*) FROM sync_run WHERE account_id = ? AND kind = '"
            + kind
            + "' AND state = '"
            + state
            + "'",
        account);
  }

  static int count(String sql, String account) throws Exception {
    return single(Long.class, sql, account).intValue();
  }

  /** The first column of the query's first row; there must be one. */
  static <T> T single(Class<T> type, String sql, Object... parameters) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        q.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next(), "a row for " + sql);
        return rs.getObject(1, type);
      }
    }
  }

  /**
   * Which of these strings occur in the whole database as mariadb-dump writes it, read as a stream
   * (a database the benchmarks filled dumps to gigabytes).
   */
  static Set<String> dumpContains(String... needles) throws Exception {
    Path errors = Files.createTempFile("mariadb-dump", ".err");
    // As README's backup line: a consistent snapshot without LOCK TABLES on a server still
    // writing, and a packet larger than the client's 24 MB default (files up to 25 MB are kept).
    Process p =
        new ProcessBuilder(
                "mariadb-dump",
                "--host=127.0.0.1",
                "--port=" + System.getProperty("db.port", "3316"),
                "--user=feedbacksync",
                "--password=feedbacksync",
                "--single-transaction",
                "--max-allowed-packet=64M",
                "--hex-blob",
                "feedbacksync")
            .redirectError(errors.toFile())
            .start();
    Set<String> found = new TreeSet<>();
    int keep = java.util.Arrays.stream(needles).mapToInt(String::length).max().orElse(1);
    String tail = "";
    try (var in = p.getInputStream()) {
      byte[] buffer = new byte[1 << 20];
      for (int n; (n = in.read(buffer)) > 0; ) {
        String window =
            tail + new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String needle : needles) {
          if (window.contains(needle)) {
            found.add(needle);
          }
        }
        tail = window.substring(Math.max(0, window.length() - keep));
      }
    }
    int exit = p.waitFor();
    String said = Files.readString(errors, StandardCharsets.UTF_8);
    Files.delete(errors);
    assertEquals(0, exit, () -> "mariadb-dump failed: " + said);
    return found;
  }
}
