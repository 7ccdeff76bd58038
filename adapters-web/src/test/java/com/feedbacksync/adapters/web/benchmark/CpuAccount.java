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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a machine's CPU went over a stretch of time, from {@code /proc} as an operator would read
 * it: the server's JVM, MariaDB, the benchmark's own JVM (its clients and, in the same process, the
 * simulator), and the whole machine (busy, idle, and stolen by the host). B5 divides it by the
 * requests served, so a latency that follows CPU per request says whose CPU it was.
 */
final class CpuAccount {

  /** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every common kernel). */
  private static final double CLOCK_TICKS_PER_SECOND = 100;

  /** CPU seconds so far of each party, and of the machine by kind. */
  record Snapshot(
      double server, double database, double benchmark, double busy, double idle, double steal) {

    Snapshot minus(Snapshot before) {
      return new Snapshot(
          server - before.server,
          database - before.database,
          benchmark - before.benchmark,
          busy - before.busy,
          idle - before.idle,
          steal - before.steal);
    }

    /** The figures per unit of work ({@code n} of them), in ms of CPU, for the table. */
    String per(long n, String unit, String benchmarkName) {
      Map<String, Double> ms = msPer(n);
      return String.format(
          "CPU per %s: server %.2f ms, MariaDB %s, %s %.2f ms, anything else %.2f ms;"
              + " the machine %.0f %% busy, %.0f %% idle, %.0f %% stolen",
          unit,
          ms.get("server"),
          Double.isNaN(database)
              ? "unknown (no pid file)"
              : String.format("%.2f ms", ms.get("mariadb")),
          benchmarkName,
          ms.get("benchmark_jvm"),
          ms.get("anything_else"),
          100 * busy / (busy + idle + steal),
          100 * idle / (busy + idle + steal),
          100 * steal / (busy + idle + steal));
    }

    /**
     * Each party's CPU per unit of work ({@code n} of them), in ms, for report.json (MariaDB's NaN
     * when its process could not be found, and then inside "anything else").
     */
    Map<String, Double> msPer(long n) {
      double k = Math.max(1, n) / 1000.0;
      double known = server + (Double.isNaN(database) ? 0 : database) + benchmark;
      Map<String, Double> ms = new LinkedHashMap<>();
      ms.put("server", server / k);
      ms.put("mariadb", database / k);
      ms.put("benchmark_jvm", benchmark / k);
      ms.put("anything_else", Math.max(0, busy - known) / k);
      return ms;
    }

    /** The share of the machine's time the host took for others (a VM's steal). */
    double stealShare() {
      return steal / (busy + idle + steal);
    }
  }

  private final long serverPid;
  private final long databasePid;

  private CpuAccount(long serverPid, long databasePid) {
    this.serverPid = serverPid;
    this.databasePid = databasePid;
  }

  /**
   * The server's JVM and the database the tests use, found by its own pid file; a database out of
   * reach (another host, a container's pid) leaves its CPU unknown rather than failing the run.
   */
  static CpuAccount of(long serverPid) {
    try (Connection db = TestDatabase.connect();
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT @@pid_file")) {
      rs.next();
      long databasePid = Long.parseLong(Files.readString(Path.of(rs.getString(1))).strip());
      return new CpuAccount(
          serverPid, Files.isDirectory(Path.of("/proc", "" + databasePid)) ? databasePid : -1);
    } catch (SQLException | IOException | RuntimeException e) {
      System.err.println("benchmark: MariaDB's CPU will show as unknown: " + e);
      return new CpuAccount(serverPid, -1);
    }
  }

  Snapshot now() {
    long[] machine = machine();
    // /proc/stat's cpu line: user nice system idle iowait irq softirq steal guest guest_nice;
    // guest time is already counted in user.
    double idle = (machine[3] + machine[4]) / CLOCK_TICKS_PER_SECOND;
    double steal = machine[7] / CLOCK_TICKS_PER_SECOND;
    double busy =
        (machine[0] + machine[1] + machine[2] + machine[5] + machine[6]) / CLOCK_TICKS_PER_SECOND;
    return new Snapshot(
        process(serverPid),
        databasePid < 0 ? Double.NaN : process(databasePid),
        process(ProcessHandle.current().pid()),
        busy,
        idle,
        steal);
  }

  /** A process's CPU time so far, user and system, in seconds. */
  static double process(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // After the command name in parentheses: state is field 3, utime 14 and stime 15.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long[] machine() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      return Arrays.stream(cpu.substring(3).strip().split("\\s+"))
          .mapToLong(Long::parseLong)
          .toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
