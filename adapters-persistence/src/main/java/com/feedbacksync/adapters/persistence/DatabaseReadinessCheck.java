package com.feedbacksync.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when MariaDB answers and the schema migrations are applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private static final int PING_TIMEOUT_SECONDS = 2;

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = migrations.dataSource().getConnection()) {
      if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
        return response.down().withData("error", "the database does not answer").build();
      }
    } catch (SQLException e) {
      return response.down().withData("error", "cannot connect: " + e.getMessage()).build();
    }
    // JDK 17 has no pattern switch; the sealed interface has exactly these two cases.
    SchemaState state = migrations.ensureMigrated();
    if (state instanceof SchemaState.Migrated migrated) {
      return response.up().withData("schemaVersion", migrated.version()).build();
    }
    return response.down().withData("error", ((SchemaState.NotMigrated) state).reason()).build();
  }
}
