package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.adapters.web.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Watches the server's JVM from outside, as an operator would: its CPU time (from {@code
 * /proc/<pid>/stat}), and, sampled every 250 ms until closed, its threads ({@code
 * /proc/<pid>/task}) and the database's open connections ({@code Threads_connected}, less the
 * probe's own).
 */
final class ServerProbe implements AutoCloseable {

  private final long pid;
  private final Path proc;
  private final AtomicLong peakThreads = new AtomicLong();
  private final AtomicLong peakConnections = new AtomicLong();
  private final AtomicLong peakIntercom = new AtomicLong();
  private final int intercomPort;
  private final Thread sampler;
  private volatile boolean running = true;

  private ServerProbe(long pid, int intercomPort) {
    this.pid = pid;
    this.proc = Path.of("/proc", String.valueOf(pid));
    this.intercomPort = intercomPort;
    this.sampler = new Thread(this::sample, "b6-probe");
    sampler.setDaemon(true);
  }

  static ServerProbe start(long pid, int intercomPort) {
    ServerProbe probe = new ServerProbe(pid, intercomPort);
    probe.sampler.start();
    return probe;
  }

  /** The JVM's CPU time so far, user and system, in seconds. */
  double cpuSeconds() {
    return CpuAccount.process(pid);
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

  /**
   * The JVM's established TCP connections to Intercom: its sockets ({@code /proc/<pid>/fd}) found
   * in the kernel's table with the simulator's port as the remote one.
   */
  long intercomConnections() throws IOException {
    Set<String> sockets = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            sockets.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor went away while listed
        }
      }
    }
    String remote = String.format(":%04X", intercomPort);
    long established = 0;
    for (String table : List.of("net/tcp", "net/tcp6")) {
      List<String> lines = Files.readAllLines(proc.resolve(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.strip().split("\\s+");
        if (f[2].endsWith(remote) && f[3].equals("01") && sockets.contains(f[9])) {
          established++;
        }
      }
    }
    return established;
  }

  long peakIntercomConnections() {
    return peakIntercom.get();
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
        peakIntercom.accumulateAndGet(intercomConnections(), Math::max);
        try (ResultSet rs = status.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_connected'")) {
          rs.next();
          peakConnections.accumulateAndGet(rs.getLong(2) - 1, Math::max);
        }
        Thread.sleep(250);
      }
    } catch (SQLException | IOException | UncheckedIOException e) {
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
