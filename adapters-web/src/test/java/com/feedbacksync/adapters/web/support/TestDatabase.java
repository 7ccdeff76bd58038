package com.feedbacksync.adapters.web.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Direct access to the ITs' MariaDB (scripts/mariadb.sh), to arrange data the API cannot create.
 */
public final class TestDatabase {

  private static final String URL =
      "jdbc:mariadb://127.0.0.1:" + System.getProperty("db.port", "3316") + "/feedbacksync";

  private TestDatabase() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, "feedbacksync", "feedbacksync");
  }

  /** The ids of the account's live documents. */
  public static java.util.Set<String> documentIds(String account) throws SQLException {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    try (Connection c = connect();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT conversation_id FROM feedback_document WHERE account_id = ? AND deleted_at IS NULL")) {
      select.setString(1, account);
      try (java.sql.ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }
}
