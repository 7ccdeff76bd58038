package com.feedbacksync.application.connection;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Checkpoint;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.PendingConnection;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase.Authorization;
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
  public Authorization begin(AccountId account, String admin) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    // The consent URL first: a server without an Intercom app refuses before keeping a state.
    String authorizeUrl = intercom.authorizeUrl(state);
    states.save(new PendingConnection(state, account, admin, clock.instant().plus(STATE_LIFETIME)));
    return new Authorization(authorizeUrl, state);
  }

  @Override
  public ConnectOutcome finish(String state, String code, Optional<String> caller) {
    Optional<PendingConnection> pending = state == null ? Optional.empty() : states.take(state);
    if (pending.isEmpty()) {
      return new ConnectOutcome.InvalidState(
          "unknown_state",
          "This Intercom authorization is unknown or was already used. Start connecting again.");
    }
    Instant now = clock.instant();
    if (now.isAfter(pending.get().expiresAt())) {
      return new ConnectOutcome.InvalidState(
          "expired_state", "This Intercom authorization took too long. Start connecting again.");
    }
    if (caller.isPresent() && !pending.get().admin().equals(caller.get())) {
      return new ConnectOutcome.InvalidState(
          "other_admin", "Another admin started this connection. Start connecting again.");
    }
    if (code == null || code.isBlank()) {
      return new ConnectOutcome.Refused(
          "no_code", "Intercom did not send an authorization code. Start connecting again.");
    }
    AccessToken token;
    Workspace workspace;
    ConnectionEligibility eligibility;
    try {
      token = intercom.exchange(code);
      workspace = intercom.identify(token);
      eligibility = Eligibility.judge(intercom.probe(token, workspace));
    } catch (IntercomFailure.Unavailable e) {
      return new ConnectOutcome.IntercomUnavailable(
          e.getMessage() + " Try connecting again in a few minutes.");
    } catch (IntercomFailure.MissingPermission e) {
      return new ConnectOutcome.MissingPermission(e.getMessage());
    } catch (IntercomFailure.NoApiAccess e) {
      return new ConnectOutcome.Refused("plan_restricted", e.getMessage());
    } catch (IntercomFailure e) {
      return new ConnectOutcome.Refused("refused", e.getMessage());
    }
    if (eligibility instanceof ConnectionEligibility.Refused refused) {
      return new ConnectOutcome.Refused("plan_restricted", refused.reason());
    }
    AccountId account = pending.get().account();
    Optional<Connection> same =
        connections.find(account).filter(c -> c.workspace().id().equals(workspace.id()));
    Connection connection =
        new Connection(
            account,
            workspace,
            token,
            ConnectionState.CONNECTED,
            pending.get().admin(),
            same.map(Connection::connectedAt).orElse(now),
            same.map(Connection::coverage).orElseGet(HistoryCoverage.NotYet::new),
            Optional.empty(),
            random.nextLong());
    // The new grant first: a run of the previous connection can commit nothing after this, so the
    // checkpoints cleaned below cannot be written again by it.
    connections.save(connection);
    store.startWorkspace(account, workspace.id());
    if (connection.coverage() instanceof HistoryCoverage.NotYet) {
      // Without a standing row of the same workspace (after a disconnect) the checkpoints say how
      // far history was taken, so coverage never disagrees with a finished walk.
      HistoryCoverage fromCheckpoints =
          Checkpoint.coverage(
              store.checkpoint(account, SyncStream.HISTORY),
              store.checkpoint(account, SyncStream.BACKFILL));
      if (!(fromCheckpoints instanceof HistoryCoverage.NotYet)) {
        connections.recordCoverage(connection.identity(), fromCheckpoints);
      }
    }
    return new ConnectOutcome.Connected(
        account, pending.get().admin(), workspace, scheduler.syncNow(account));
  }

  @Override
  public void disconnect(AccountId account, boolean purge) {
    // Removing the row is what cancels a running sync: its next commit finds it gone.
    connections.remove(account);
    if (purge) {
      store.purge(account);
    }
  }
}
