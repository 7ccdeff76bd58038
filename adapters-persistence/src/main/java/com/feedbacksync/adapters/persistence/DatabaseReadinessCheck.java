package com.feedbacksync.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when MariaDB answers and the schema migrations are applied. Readiness needs no token,
 * so a DOWN answer says why in an operator's words ({@link DatabaseTrouble}) and the driver's own
 * text goes to the log, once for each new reason rather than at every probe.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  static final String NAME = "database";

  private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getName());

  private static final int PING_TIMEOUT_SECONDS = 2;

  @Inject SchemaMigrations migrations;

  /** The reason last logged; empty while the database is fine. */
  private String logged = "";

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = migrations.dataSource().getConnection()) {
      if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
        return down(DatabaseTrouble.NO_ANSWER, null);
      }
    } catch (SQLException e) {
      return down(DatabaseTrouble.connecting(e), e);
    }
    // JDK 17 has no pattern switch; the sealed interface has exactly these two cases.
    SchemaState state = migrations.ensureMigrated();
    if (state instanceof SchemaState.Migrated migrated) {
      recovered();
      return response(HealthCheckResponse.Status.UP, Map.of("schemaVersion", migrated.version()));
    }
    // SchemaMigrations logged the detail of its own failure.
    return response(
        HealthCheckResponse.Status.DOWN,
        Map.of("error", ((SchemaState.NotMigrated) state).reason()));
  }

  private HealthCheckResponse down(String reason, SQLException detail) {
    synchronized (this) {
      if (!reason.equals(logged)) {
        logged = reason;
        LOG.log(Level.WARNING, "Not ready: " + reason + ". The database said:", detail);
      }
    }
    return response(HealthCheckResponse.Status.DOWN, Map.of("error", reason));
  }

  private synchronized void recovered() {
    if (!logged.isEmpty()) {
      LOG.info("The database answers again (it was: " + logged + ").");
      logged = "";
    }
  }

  /** Built directly, not through the provider's builder, so the check runs outside the server. */
  private static HealthCheckResponse response(
      HealthCheckResponse.Status status, Map<String, Object> data) {
    return new HealthCheckResponse(NAME, status, Optional.of(data));
  }
}
