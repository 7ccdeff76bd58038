package com.feedbacksync.adapters.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Liberty server as an operator deploys it: a copy of the ITs' server (same runtime, libraries,
 * server.xml) with the real WAR in dropins, its own ports and environment, started and stopped with
 * Liberty's own {@code server} script.
 */
public final class LibertyServer implements AutoCloseable {

  private static final Path WLP = Path.of("target/liberty/wlp").toAbsolutePath();
  private static final Path TEMPLATE = WLP.resolve("usr/servers/" + ItDeployments.serverName());
  private static final Path WAR = Path.of("target/feedback-sync.war").toAbsolutePath();

  private final String name;
  private final int httpPort;
  private final Path dir;

  private LibertyServer(String name, int httpPort) {
    this.name = name;
    this.httpPort = httpPort;
    this.dir = WLP.resolve("usr/servers").resolve(name);
  }

  /**
   * The JVM options of a server that tests behaviour, not speed: the client compiler only. A test
   * server lives a minute or two, and half of the CPU of its start-up went to the optimising
   * compiler (measured: 71 CPU seconds to ready with it, 34 without), on two cores shared with the
   * tests. The benchmarks pass their own options and keep the JIT production runs.
   */
  public static final List<String> BEHAVIOUR_TEST_JVM = List.of("-XX:TieredStopAtLevel=1");

  /** {@link #start(String, int, int, Map, List)} with {@link #BEHAVIOUR_TEST_JVM}. */
  public static LibertyServer start(
      String name, int httpPort, int httpsPort, Map<String, String> env) {
    return start(name, httpPort, httpsPort, env, BEHAVIOUR_TEST_JVM);
  }

  /**
   * Creates and starts the server; returns once {@code server start} did (call {@link
   * #awaitReady()} before using it).
   *
   * @param env overrides of server.xml variables and MicroProfile Config, on top of the ITs' own
   * @param jvmOptions lines of jvm.options
   */
  public static LibertyServer start(
      String name, int httpPort, int httpsPort, Map<String, String> env, List<String> jvmOptions) {
    LibertyServer server = new LibertyServer(name, httpPort);
    try {
      deleteTree(server.dir.resolve("dropins"));
      deleteTree(server.dir.resolve("lib"));
      deleteTree(server.dir.resolve("resources"));
      for (String file : List.of("server.xml", "server.env", "jvm.options")) {
        Files.deleteIfExists(server.dir.resolve(file));
      }
      Files.createDirectories(server.dir.resolve("dropins"));
      for (String file : List.of("server.xml", "server.env")) {
        Files.copy(TEMPLATE.resolve(file), server.dir.resolve(file));
      }
      Files.write(server.dir.resolve("jvm.options"), jvmOptions);
      copyTree(TEMPLATE.resolve("lib"), server.dir.resolve("lib"));
      copyTree(TEMPLATE.resolve("resources"), server.dir.resolve("resources"));
      Files.copy(WAR, server.dir.resolve("dropins/feedback-sync.war"));
      ProcessBuilder pb =
          new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", name)
              .redirectErrorStream(true)
              .redirectOutput(server.dir.resolveSibling(name + ".start.log").toFile());
      Map<String, String> environment = pb.environment();
      environment.put("HTTP_PORT", String.valueOf(httpPort));
      environment.put("HTTPS_PORT", String.valueOf(httpsPort));
      environment.put("DB_PORT", System.getProperty("db.port", "3316"));
      environment.put("FEEDBACKSYNC_TOKEN_KEYS", System.getenv("FEEDBACKSYNC_TOKEN_KEYS"));
      environment.put(
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
          TEMPLATE.resolve("resources/security/jwt-public.pem").toString());
      environment.putAll(env);
      int exit = pb.start().waitFor();
      assertEquals(0, exit, "server start " + name + " exited " + exit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return server;
  }

  public URL url() {
    try {
      return URI.create("http://localhost:" + httpPort + "/").toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of the server's directory (logs, GC log). */
  public Path file(String relative) {
    return dir.resolve(relative);
  }

  public void awaitReady() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    // Generous: a loaded 2-core machine has been seen to take over three minutes to start Liberty.
    long deadline = System.nanoTime() + 300_000_000_000L;
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      try {
        status =
            http.send(
                    HttpRequest.newBuilder(url().toURI().resolve("health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      } catch (IOException notYet) {
        status = 0;
      }
      if (status != 200) {
        Thread.sleep(500);
      }
    }
    assertEquals(200, status, name + " is not ready");
  }

  /** The process id of the server's JVM, from the pid file {@code server start} wrote. */
  public long pid() throws IOException {
    return Long.parseLong(
        Files.readString(WLP.resolve("usr/servers/.pid").resolve(name + ".pid")).strip());
  }

  /** Kills the server's JVM as a crash does: no shutdown hooks, no goodbye. */
  public void kill9() throws Exception {
    String id = String.valueOf(pid());
    int exit = new ProcessBuilder("kill", "-9", id).inheritIO().start().waitFor();
    assertEquals(0, exit, "kill -9 " + id);
    ProcessHandle.of(Long.parseLong(id)).ifPresent(p -> p.onExit().join());
  }

  /** Everything the server logged so far. */
  public String logs() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir.resolve("logs"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  @Override
  public void close() {
    try {
      new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", name)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
