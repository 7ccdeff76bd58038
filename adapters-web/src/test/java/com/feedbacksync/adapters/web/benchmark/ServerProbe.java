package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.adapters.web.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Watches the server's JVM from outside, as an operator would: its CPU time (from {@code
 * /proc/<pid>/stat}), and, sampled every 250 ms until closed, its threads ({@code
 * /proc/<pid>/task}) and the database's open connections ({@code Threads_connected}, less the
 * probe's own).
 */
final class ServerProbe implements AutoCloseable {

  /** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every common kernel). */
  private static final double CLOCK_TICKS_PER_SECOND = 100;

  private final Path proc;
  private final AtomicLong peakThreads = new AtomicLong();
  private final AtomicLong peakConnections = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private ServerProbe(long pid) {
    this.proc = Path.of("/proc", String.valueOf(pid));
    this.sampler = new Thread(this::sample, "b6-probe");
    sampler.setDaemon(true);
  }

  static ServerProbe start(long pid) {
    ServerProbe probe = new ServerProbe(pid);
    probe.sampler.start();
    return probe;
  }

  /** The JVM's CPU time so far, user and system, in seconds. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      // After the command name in parentheses: state is field 3, utime 14 and stime 15.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long threads() {
    try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
      return tasks.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The database's SELECT statements so far (every client's: during idle ticks, the server's). */
  long selects() {
    try (Connection db = TestDatabase.connect();
        Statement status = db.createStatement();
        ResultSet rs = status.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_select'")) {
      rs.next();
      return rs.getLong(2);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long peakThreads() {
    return peakThreads.get();
  }

  long peakConnections() {
    return peakConnections.get();
  }

  private void sample() {
    try (Connection db = TestDatabase.connect();
        Statement status = db.createStatement()) {
      while (running) {
        peakThreads.accumulateAndGet(threads(), Math::max);
        try (ResultSet rs = status.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_connected'")) {
          rs.next();
          peakConnections.accumulateAndGet(rs.getLong(2) - 1, Math::max);
        }
        Thread.sleep(250);
      }
    } catch (SQLException | UncheckedIOException e) {
      if (running) {
        System.err.println("B6 probe stopped: " + e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join(2000);
  }
}
