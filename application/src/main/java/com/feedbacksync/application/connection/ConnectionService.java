package com.feedbacksync.application.connection;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.PendingConnection;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.IntercomAuthorization;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.OAuthStates;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.sync.ConnectionEligibility;
import com.feedbacksync.domain.sync.Eligibility;
import com.feedbacksync.domain.sync.HistoryCoverage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Intercom's OAuth as admins live it: a single-use {@code state} bound to the admin who started and
 * expiring after ten minutes; a workspace without API access refused at once, with the reason; the
 * first sync started as soon as the connection is stored. Reconnecting the same workspace keeps
 * what was synced.
 */
public final class ConnectionService implements ConnectIntercomUseCase {

  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  private final IntercomAuthorization intercom;
  private final OAuthStates states;
  private final Connections connections;
  private final SyncStore store;
  private final ScheduleSyncsUseCase scheduler;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ConnectionService(
      IntercomAuthorization intercom,
      OAuthStates states,
      Connections connections,
      SyncStore store,
      ScheduleSyncsUseCase scheduler,
      Clock clock) {
    this.intercom = Objects.requireNonNull(intercom);
    this.states = Objects.requireNonNull(states);
    this.connections = Objects.requireNonNull(connections);
    this.store = Objects.requireNonNull(store);
    this.scheduler = Objects.requireNonNull(scheduler);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public String begin(AccountId account, String admin) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    states.save(new PendingConnection(state, account, admin, clock.instant().plus(STATE_LIFETIME)));
    return intercom.authorizeUrl(state);
  }

  @Override
  public ConnectOutcome finish(String state, String code, String admin) {
    Optional<PendingConnection> pending = state == null ? Optional.empty() : states.take(state);
    if (pending.isEmpty()) {
      return new ConnectOutcome.InvalidState(
          "This Intercom authorization is unknown or was already used. Start connecting again.");
    }
    Instant now = clock.instant();
    if (now.isAfter(pending.get().expiresAt())) {
      return new ConnectOutcome.InvalidState(
          "This Intercom authorization took too long. Start connecting again.");
    }
    if (!pending.get().admin().equals(admin)) {
      return new ConnectOutcome.InvalidState(
          "Another admin started this connection. Start connecting again.");
    }
    if (code == null || code.isBlank()) {
      return new ConnectOutcome.Refused(
          "Intercom did not send an authorization code. Start connecting again.");
    }
    AccessToken token;
    Workspace workspace;
    try {
      token = intercom.exchange(code);
      workspace = intercom.identify(token);
    } catch (IntercomFailure e) {
      return new ConnectOutcome.Refused(e.getMessage());
    }
    ConnectionEligibility eligibility = Eligibility.judge(intercom.probe(token, workspace));
    if (eligibility instanceof ConnectionEligibility.Refused refused) {
      return new ConnectOutcome.Refused(refused.reason());
    }
    AccountId account = pending.get().account();
    Optional<Connection> before = connections.find(account);
    HistoryCoverage coverage =
        before
            .filter(c -> c.workspace().id().equals(workspace.id()))
            .map(Connection::coverage)
            .orElseGet(HistoryCoverage.NotYet::new);
    Instant connectedAt =
        before
            .filter(c -> c.workspace().id().equals(workspace.id()))
            .map(Connection::connectedAt)
            .orElse(now);
    connections.save(
        new Connection(
            account,
            workspace,
            token,
            ConnectionState.CONNECTED,
            admin,
            connectedAt,
            coverage,
            Optional.empty()));
    return new ConnectOutcome.Connected(workspace, scheduler.syncNow(account));
  }

  @Override
  public void disconnect(AccountId account, boolean purge) {
    connections.remove(account);
    if (purge) {
      store.purge(account);
    }
  }
}
