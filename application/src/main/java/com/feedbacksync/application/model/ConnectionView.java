package com.feedbacksync.application.model;

import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection as admins see it: everything but the access token, which never leaves the
 * application and its stores.
 *
 * @param lastError the last failure, in words an admin reads
 */
public record ConnectionView(
    AccountId account,
    Workspace workspace,
    ConnectionState state,
    String connectedBy,
    Instant connectedAt,
    HistoryCoverage coverage,
    Optional<String> lastError) {

  public ConnectionView {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(connectedBy, "connectedBy");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(lastError, "lastError");
  }

  public static ConnectionView of(Connection c) {
    return new ConnectionView(
        c.account(),
        c.workspace(),
        c.state(),
        c.connectedBy(),
        c.connectedAt(),
        c.coverage(),
        c.lastError());
  }
}
