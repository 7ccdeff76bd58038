package com.feedbacksync.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unauthenticated readiness answer says why the database is not usable in an operator's words
 * and never in the driver's; the driver's words go to the log, once per new reason.
 */
class DatabaseReadinessCheckTest {

  /** Held here: JUL keeps only weak references to its loggers. */
  private final Logger checkLogger = Logger.getLogger(DatabaseReadinessCheck.class.getName());

  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private SQLException failure;

  @BeforeEach
  void listen() {
    checkLogger.addHandler(capture);
    checkLogger.setUseParentHandlers(false);
  }

  @AfterEach
  void stopListening() {
    checkLogger.removeHandler(capture);
    checkLogger.setUseParentHandlers(true);
  }

  @Test
  void a_database_nobody_listens_for_is_unreachable_and_the_driver_text_is_only_logged()
      throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "jdbc:mariadb://127.0.0.1:" + closed + "/feedbacksync?connectTimeout=2000";
    DatabaseReadinessCheck check = check(() -> DriverManager.getConnection(url, "fs", "secret"));

    HealthCheckResponse answer = check.call();

    assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
    String error = error(answer);
    assertEquals(DatabaseTrouble.UNREACHABLE, error);
    assertFalse(error.contains(String.valueOf(closed)), error);
    assertEquals(1, logged.size());
    assertEquals(Level.WARNING, logged.get(0).getLevel());
    assertTrue(
        logged.get(0).getThrown().getMessage().contains(String.valueOf(closed)),
        "the driver's own words, with the address it tried, are in the log");
  }

  @Test
  void refused_credentials_name_the_variables_not_the_user() {
    // As Liberty hands it on: its own SQLException around MariaDB's (error 1045, state 28000).
    failure =
        new SQLException(
            "DSRA0010E: SQL State = 28000, Error Code = 1,045",
            "28000",
            1045,
            new SQLInvalidAuthorizationSpecException(
                "(conn=41) Access denied for user 'feedbacksync'@'10.0.0.7' (using password: YES)",
                "28000",
                1045));

    String error = error(check(() -> fail()).call());

    assertEquals(DatabaseTrouble.CREDENTIALS_REFUSED, error);
    assertTrue(error.contains("DB_USER") && error.contains("DB_PASSWORD"), error);
    assertFalse(error.contains("feedbacksync") || error.contains("10.0.0.7"), error);
  }

  @Test
  void a_missing_database_names_db_name() {
    failure =
        new SQLSyntaxErrorException("(conn=7) Unknown database 'feedbacksnyc'", "42000", 1049);

    assertEquals(DatabaseTrouble.NO_SUCH_DATABASE, error(check(() -> fail()).call()));
  }

  @Test
  void anything_else_points_at_the_log_without_its_text() {
    failure = new SQLException("Table 'feedbacksync.flyway_schema_history' is marked as crashed");

    String error = error(check(() -> fail()).call());

    assertEquals(DatabaseTrouble.OTHER, error);
    assertEquals(
        "Table 'feedbacksync.flyway_schema_history' is marked as crashed",
        logged.get(0).getThrown().getMessage());
  }

  @Test
  void each_reason_is_logged_once_until_the_database_is_back() {
    failure = new SQLSyntaxErrorException("Unknown database 'x'", "42000", 1049);
    DatabaseReadinessCheck check = check(() -> fail());
    check.call();
    check.call();
    failure = new SQLInvalidAuthorizationSpecException("Access denied", "28000", 1045);
    check.call();
    check.call();

    assertEquals(2, logged.size(), "one warning per reason, not per probe");
    assertTrue(logged.stream().allMatch(r -> r.getLevel() == Level.WARNING));
  }

  @Test
  void a_failed_migration_is_told_in_operator_words() {
    assertEquals(
        DatabaseTrouble.CREDENTIALS_REFUSED,
        DatabaseTrouble.migrating(
            new IllegalStateException(
                "Unable to obtain connection from database",
                new SQLInvalidAuthorizationSpecException("Access denied", "28000", 1045))));
    assertEquals(
        DatabaseTrouble.MIGRATION_FAILED,
        DatabaseTrouble.migrating(
            new IllegalStateException(
                "Found non-empty schema(s) `feedbacksync` but no schema history table")));
  }

  private Connection fail() throws SQLException {
    throw failure;
  }

  private static String error(HealthCheckResponse answer) {
    return String.valueOf(answer.getData().orElseThrow().get("error"));
  }

  /** How the check's data source hands out connections. */
  @FunctionalInterface
  private interface Connect {
    Connection get() throws SQLException;
  }

  private static DatabaseReadinessCheck check(Connect connect) {
    DataSource source =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    return connect.get();
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    DatabaseReadinessCheck check = new DatabaseReadinessCheck();
    check.migrations =
        new SchemaMigrations() {
          @Override
          DataSource dataSource() {
            return source;
          }

          @Override
          public synchronized SchemaState ensureMigrated() {
            throw new AssertionError("the database was not usable: no migration");
          }
        };
    return check;
  }
}
