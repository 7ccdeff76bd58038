package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.adapters.web.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * B6's view of the database: the sync runs of one benchmark's accounts (their ids share a prefix),
 * read and arranged through SQL, as the product's scheduler sees them.
 */
final class AccountRuns {

  private final String like;

  /** The accounts whose ids start with {@code prefix} and a dash. */
  AccountRuns(String prefix) {
    this.like = prefix + "-%";
  }

  /**
   * Parks every other connected account (earlier tests' in this database, whose simulators are
   * gone) so the scheduler ticks over this benchmark's accounts alone; returns how many.
   */
  int parkOthers() throws SQLException {
    return update(
        "UPDATE intercom_connection SET state = 'DISCONNECTED'"
            + " WHERE state = 'CONNECTED' AND account_id NOT LIKE ?");
  }

  /** Disconnects these accounts (the scheduler leaves them be); returns how many. */
  int parkMine() throws SQLException {
    return update(
        "UPDATE intercom_connection SET state = 'DISCONNECTED'"
            + " WHERE state = 'CONNECTED' AND account_id LIKE ?");
  }

  /** Runs of this kind that ended (in any state). */
  long ended(String kind) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM sync_run WHERE account_id LIKE ? AND kind = ? AND state <> 'RUNNING'",
        kind);
  }

  /** Runs of this kind that ended other than COMPLETED. */
  long notCompleted(String kind) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM sync_run WHERE account_id LIKE ? AND kind = ?"
            + " AND state NOT IN ('RUNNING', 'COMPLETED')",
        kind);
  }

  long running() throws SQLException {
    return count("SELECT COUNT(*) FROM sync_run WHERE account_id LIKE ? AND state = 'RUNNING'");
  }

  long all() throws SQLException {
    return count("SELECT COUNT(*) FROM sync_run WHERE account_id LIKE ?");
  }

  /**
   * Every account's hourly sync comes due now: their HOURLY runs' starts move an hour back, as if
   * the hour had passed (the product's schedule is "an hour after the last HOURLY run started").
   */
  int makeHourlyDue() throws SQLException {
    return update(
        "UPDATE sync_run SET started_at = started_at - INTERVAL 1 HOUR"
            + " WHERE account_id LIKE ? AND kind = 'HOURLY'");
  }

  /** Whether the account's document of the conversation holds this text. */
  boolean documentHolds(String account, String conversation, String text) throws SQLException {
    try (Connection c = TestDatabase.connect();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT COUNT(*) FROM feedback_document WHERE account_id = ?"
                    + " AND conversation_id = ? AND deleted_at IS NULL AND messages_json LIKE ?")) {
      select.setString(1, account);
      select.setString(2, conversation);
      select.setString(3, "%" + text + "%");
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  /**
   * Waits until no run of these accounts is running and none started for {@code calm}: what was due
   * has run. Returns the seconds waited.
   */
  double awaitQuiet(Duration calm, Duration timeout) throws Exception {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long seen = -1;
    long stableSince = start;
    while (System.nanoTime() < deadline) {
      long total = all();
      if (total != seen || running() > 0) {
        seen = total;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince >= calm.toNanos()) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("B6: the accounts' runs did not settle within " + timeout);
  }

  private long count(String sql, String... params) throws SQLException {
    try (Connection c = TestDatabase.connect();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, like);
      for (int i = 0; i < params.length; i++) {
        select.setString(i + 2, params[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private int update(String sql) throws SQLException {
    try (Connection c = TestDatabase.connect();
        PreparedStatement update = c.prepareStatement(sql)) {
      update.setString(1, like);
      return update.executeUpdate();
    }
  }
}
