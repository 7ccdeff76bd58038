package com.feedbacksync.application.model;

import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's connection to its Intercom workspace. The token is kept encrypted by whoever stores
 * it; here it is only held in memory, and never printed.
 *
 * @param connectedAt when OAuth finished; conversations created after it are "new" for the plan
 * @param lastError the last failure, in words an admin reads
 * @param grant drawn anew at every connect: with the account and workspace it names this very
 *     connection, so a run's writes never land on a newer one (see {@link ConnectionIdentity})
 */
public record Connection(
    AccountId account,
    Workspace workspace,
    AccessToken token,
    ConnectionState state,
    String connectedBy,
    Instant connectedAt,
    HistoryCoverage coverage,
    Optional<String> lastError,
    long grant) {

  public Connection {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(connectedBy, "connectedBy");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** A connection without a grant of its own (tests, and rows from before grants existed). */
  public Connection(
      AccountId account,
      Workspace workspace,
      AccessToken token,
      ConnectionState state,
      String connectedBy,
      Instant connectedAt,
      HistoryCoverage coverage,
      Optional<String> lastError) {
    this(account, workspace, token, state, connectedBy, connectedAt, coverage, lastError, 0L);
  }

  public ConnectionIdentity identity() {
    return new ConnectionIdentity(account, workspace.id(), grant);
  }

  public IntercomAccess access() {
    return new IntercomAccess(workspace.id(), workspace.region(), token);
  }

  public Connection withState(ConnectionState newState, Optional<String> error) {
    return new Connection(
        account, workspace, token, newState, connectedBy, connectedAt, coverage, error, grant);
  }

  public Connection withCoverage(HistoryCoverage newCoverage) {
    return new Connection(
        account, workspace, token, state, connectedBy, connectedAt, newCoverage, lastError, grant);
  }
}
