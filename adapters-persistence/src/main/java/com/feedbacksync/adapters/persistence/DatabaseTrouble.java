package com.feedbacksync.adapters.persistence;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * Why the database cannot be used, in words an operator acts on, naming the variables to check.
 * These words go to the unauthenticated readiness answer, so they never carry the driver's or
 * Flyway's own text (user names, host names, SQL, versions): that detail goes to the server's log.
 */
final class DatabaseTrouble {

  static final String NO_ANSWER =
      "the database accepted the connection but does not answer (check MariaDB's health)";

  static final String UNREACHABLE =
      "the database cannot be reached: check that MariaDB runs and DB_HOST and DB_PORT point at it";

  static final String CREDENTIALS_REFUSED =
      "the database refused the user name or password: check DB_USER and DB_PASSWORD";

  static final String NO_SUCH_DATABASE =
      "the database named by DB_NAME does not exist, or DB_USER may not use it (see \"What the"
          + " MariaDB needs\" in the README)";

  static final String POOL_EXHAUSTED =
      "every database connection of the pool is in use: the database is slow or the pool too small";

  static final String TIMED_OUT = "the database did not answer in time";

  static final String OTHER = "the database failed; the server's log has the detail";

  static final String SCHEMA_HISTORY_MISMATCH =
      "the schema migrations cannot be applied: the database's schema history does not match this"
          + " build's migrations (a newer build migrated it, or a migration was changed); the"
          + " server's log has the detail";

  static final String MIGRATION_FAILED =
      "the schema migrations failed; the server's log has the detail";

  // MariaDB's error codes (https://mariadb.com/kb/en/mariadb-error-codes/).
  private static final int ACCESS_DENIED = 1045;
  private static final int DB_ACCESS_DENIED = 1044;
  private static final int UNKNOWN_DATABASE = 1049;

  private DatabaseTrouble() {}

  /** Why connecting to the database failed. */
  static String connecting(Throwable failure) {
    List<Throwable> chain = chain(failure);
    for (Throwable t : chain) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.equals("28000") || sql.getErrorCode() == ACCESS_DENIED) {
          return CREDENTIALS_REFUSED;
        }
        if (sql.getErrorCode() == UNKNOWN_DATABASE || sql.getErrorCode() == DB_ACCESS_DENIED) {
          return NO_SUCH_DATABASE;
        }
      }
    }
    for (Throwable t : chain) {
      // Liberty's connection manager: the pool had no free connection within its timeout.
      if (t.getClass().getSimpleName().equals("ConnectionWaitTimeoutException")) {
        return POOL_EXHAUSTED;
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SQLTimeoutException || t instanceof SocketTimeoutException) {
        return TIMED_OUT;
      }
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLTransientConnectionException
          || (t instanceof SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08"))) {
        return UNREACHABLE;
      }
    }
    return OTHER;
  }

  /** Why the schema migrations failed. */
  static String migrating(Throwable failure) {
    List<Throwable> chain = chain(failure);
    if (chain.stream().anyMatch(FlywayValidateException.class::isInstance)) {
      return SCHEMA_HISTORY_MISMATCH;
    }
    if (chain.stream().anyMatch(SQLException.class::isInstance)) {
      String connecting = connecting(failure);
      if (!connecting.equals(OTHER)) {
        return connecting;
      }
    }
    return MIGRATION_FAILED;
  }

  /** The failure, its causes and the SQL exceptions chained to any of them, each once. */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> out = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    List<Throwable> todo = new ArrayList<>(List.of(failure));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(0);
      if (t == null || seen.put(t, Boolean.TRUE) != null) {
        continue;
      }
      out.add(t);
      todo.add(t.getCause());
      if (t instanceof SQLException sql) {
        todo.add(sql.getNextException());
      }
    }
    return out;
  }
}
