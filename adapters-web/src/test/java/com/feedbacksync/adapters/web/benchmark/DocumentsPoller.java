package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.adapters.web.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts an account's live documents in the database every {@code every} while a sync runs: the
 * documents written over time as the database shows them (committed rows), not as the product
 * reports them. Its first count is taken when it starts, its last when it is closed.
 */
final class DocumentsPoller implements AutoCloseable {

  private final String account;
  private final Duration every;
  private final List<DocumentSample> samples = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Exception failure;

  private DocumentsPoller(String account, Duration every) {
    this.account = account;
    this.every = every;
    this.thread = new Thread(this::poll, "documents-poller");
    this.thread.setDaemon(true);
  }

  static DocumentsPoller start(String account, Duration every) {
    DocumentsPoller poller = new DocumentsPoller(account, every);
    poller.thread.start();
    return poller;
  }

  private void poll() {
    try (Connection c = TestDatabase.connect();
        PreparedStatement count =
            c.prepareStatement(
                "SELECT COUNT(*) FROM feedback_document"
                    + " WHERE account_id = ? AND deleted_at IS NULL")) {
      count.setString(1, account);
      do {
        sample(count);
        Thread.sleep(every.toMillis());
      } while (running);
      sample(count);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      failure = e;
    }
  }

  private void sample(PreparedStatement count) throws SQLException {
    try (ResultSet rows = count.executeQuery()) {
      rows.next();
      long documents = rows.getLong(1);
      synchronized (samples) {
        samples.add(new DocumentSample(System.currentTimeMillis(), documents));
      }
    }
  }

  /** Stops after one last count. */
  @Override
  public void close() throws Exception {
    running = false;
    thread.join();
    if (failure != null) {
      throw new IllegalStateException("counting documents failed", failure);
    }
  }

  List<DocumentSample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }
}
