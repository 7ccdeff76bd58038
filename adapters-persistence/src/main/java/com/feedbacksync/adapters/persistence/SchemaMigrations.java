package com.feedbacksync.adapters.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects, with Flyway, when the application starts.
 *
 * <p>If the database is down at start-up, the readiness check tries again, so the server heals
 * itself when the database comes back instead of needing a restart. Flyway takes a database lock,
 * so several servers starting at once migrate once.
 */
@ApplicationScoped
public class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  private static final String MIGRATIONS = "classpath:db/migration";

  @Resource(lookup = "jdbc/feedbacksync")
  private DataSource dataSource;

  private volatile SchemaState state = new SchemaState.NotMigrated("not migrated yet");

  /** The text of the migration failure last logged. */
  private String lastFailure = "";

  void onStartup(@Observes Startup startup) {
    ensureMigrated();
  }

  /** Migrates unless that already succeeded in this process; returns where the schema stands. */
  public synchronized SchemaState ensureMigrated() {
    if (state instanceof SchemaState.Migrated) {
      return state;
    }
    try {
      // Liberty's class loaders find a classpath folder only by a file in it: Flyway's marker
      // db/migration/flyway.location is that file. Flyway also always looks for Java callbacks in
      // db/callback (hard-coded); db/callback/flyway.location lets it find that (empty) folder
      // instead of logging an error on every start. SQL callbacks are looked for in the same
      // folder: Flyway's default, db/callback, does not exist, and looking for it logged an
      // error on every start.
      Flyway flyway =
          Flyway.configure(SchemaMigrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations(MIGRATIONS)
              .callbackLocations(MIGRATIONS)
              .failOnMissingLocations(true)
              .load();
      MigrateResult result = flyway.migrate();
      String version = flyway.info().current().getVersion().getVersion();
      state = new SchemaState.Migrated(version, result.migrationsExecuted);
      LOG.info(
          () ->
              "schema at version "
                  + version
                  + " ("
                  + result.migrationsExecuted
                  + " migrations applied now)");
    } catch (RuntimeException e) {
      // The reason is shown by the unauthenticated readiness check: operator words only. The
      // detail is logged, once for each new failure, not at every readiness probe.
      state = new SchemaState.NotMigrated(DatabaseTrouble.migrating(e));
      if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
        lastFailure = String.valueOf(e.getMessage());
        LOG.log(Level.WARNING, "schema migration failed; readiness will retry", e);
      }
    }
    return state;
  }

  DataSource dataSource() {
    return dataSource;
  }
}
