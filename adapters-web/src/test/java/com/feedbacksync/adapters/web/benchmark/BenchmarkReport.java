package com.feedbacksync.adapters.web.benchmark;

import com.feedbacksync.adapters.web.support.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's table (printed as it goes and again at the end) and {@code
 * target/benchmark/report.json}: the figures, the machine, the versions that ran, the date.
 */
final class BenchmarkReport {

  static final Path DIR = Path.of("target/benchmark");

  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String> table = new ArrayList<>();

  /** A benchmark's figures, under its key in the report's results. */
  void put(String key, Object value) {
    results.put(key, value);
  }

  /** A line of the table that explains the row it belongs to (how a bound is computed). */
  void note(String format, Object... args) {
    table.add("                 " + String.format(format, args));
  }

  /** A row of the table: a benchmark's figures against its goal, printed at once. */
  void row(String name, String format, Object... args) {
    String line = String.format("%-16s %s", name, String.format(format, args));
    table.add(line);
    System.out.println(line);
  }

  /** What actually ran: read from the runtime, the libraries and the database, not typed in. */
  private static JsonObjectBuilder versions() throws Exception {
    java.util.Properties liberty = new java.util.Properties();
    try (var in =
        Files.newInputStream(Path.of("target/liberty/wlp/lib/versions/openliberty.properties"))) {
      liberty.load(in);
    }
    String mariadb;
    String driver;
    try (var c = TestDatabase.connect();
        var rs = c.createStatement().executeQuery("SELECT VERSION()")) {
      rs.next();
      mariadb = rs.getString(1);
      driver = c.getMetaData().getDriverVersion();
    }
    return Json.createObjectBuilder()
        .add("open_liberty", liberty.getProperty("com.ibm.websphere.productVersion", "?"))
        .add("hibernate", org.hibernate.Version.getVersionString())
        .add("mariadb_java_client", driver)
        .add("mariadb", mariadb);
  }

  void write(String size) throws Exception {
    JsonObjectBuilder machine =
        Json.createObjectBuilder()
            .add("cores", Runtime.getRuntime().availableProcessors())
            .add("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
            .add("java", System.getProperty("java.vm.name") + " " + Runtime.version())
            .add("test_jvm", ManagementFactory.getRuntimeMXBean().getName())
            // Figures from shared cores mean little without how busy they were at the end.
            .add(
                "load_average_1min",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    JsonObject m = machine.build();
    JsonObject out =
        Json.createObjectBuilder()
            .add("date", Instant.now().toString())
            .add("size", size)
            .add("machine", m)
            .add("versions", versions())
            .add("results", Json.createObjectBuilder(results))
            .add("table", Json.createArrayBuilder(table))
            .build();
    Files.createDirectories(DIR);
    try (var w =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(Files.newBufferedWriter(DIR.resolve("report.json")))) {
      w.write(out);
    }
    System.out.println("\nbenchmark (" + size + "):\n  " + String.join("\n  ", table));
    System.out.printf(
        "  machine: %d cores, %s, %s, 1-minute load average at the end %.1f%n",
        m.getInt("cores"),
        m.getString("os"),
        m.getString("java"),
        m.getJsonNumber("load_average_1min").doubleValue());
    System.out.println("report: " + DIR.toAbsolutePath().resolve("report.json"));
  }
}
