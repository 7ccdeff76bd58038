package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@link Connections} port on MariaDB, tokens sealed with AES-GCM. */
@ApplicationScoped
@Transactional
public class JpaConnections implements Connections {

  /** Stands in for a token no configured key opens; the connection then needs reconnecting. */
  private static final AccessToken UNREADABLE = new AccessToken("unreadable");

  @PersistenceContext(unitName = "feedbacksync")
  EntityManager em;

  @Inject TokenKeys keys;

  @Override
  public Optional<Connection> find(AccountId account) {
    return Optional.ofNullable(em.find(IntercomConnectionEntity.class, account.value()))
        .map(this::toDomain);
  }

  @Override
  public void save(Connection c) {
    IntercomConnectionEntity e = em.find(IntercomConnectionEntity.class, c.account().value());
    if (e == null) {
      e = new IntercomConnectionEntity();
      e.accountId = c.account().value();
    }
    e.workspaceId = c.workspace().id().value();
    e.workspaceName = c.workspace().name();
    e.region = c.workspace().region().name();
    if (c.token() != UNREADABLE) {
      seal(e, c.token());
    }
    e.state = c.state().name();
    e.connectedBy = c.connectedBy();
    e.connectedAt = c.connectedAt();
    e.coverage = coverageName(c.coverage());
    e.coverageCreatedAt = null;
    e.coverageConversationId = null;
    if (c.coverage() instanceof HistoryCoverage.DownTo downTo) {
      e.coverageCreatedAt = downTo.oldestTaken().createdAt();
      e.coverageConversationId = downTo.oldestTaken().id().value();
    }
    e.lastError = c.lastError().orElse(null);
    e.grant = c.grant();
    em.merge(e);
  }

  // A run's writes: one conditional UPDATE each on the identity it started with, so a row that
  // is gone stays gone and a newer connection (another grant or workspace) is left alone.

  @Override
  public boolean recordCoverage(ConnectionIdentity connection, HistoryCoverage coverage) {
    Optional<HistoryPosition> oldest =
        coverage instanceof HistoryCoverage.DownTo downTo
            ? Optional.of(downTo.oldestTaken())
            : Optional.empty();
    return guarded(
        connection,
        "coverage = ?, coverage_created_at = ?, coverage_conversation_id = ?",
        coverageName(coverage),
        oldest.map(HistoryPosition::createdAt).orElse(null),
        oldest.map(p -> p.id().value()).orElse(null));
  }

  @Override
  public boolean recordFailure(ConnectionIdentity connection, ConnectionState state, String error) {
    return guarded(connection, "state = ?, last_error = ?", state.name(), error);
  }

  @Override
  public boolean clearError(ConnectionIdentity connection) {
    return guarded(connection, "last_error = NULL");
  }

  private boolean guarded(ConnectionIdentity connection, String assignments, Object... values) {
    var update =
        em.createNativeQuery(
            "UPDATE intercom_connection SET "
                + assignments
                + " WHERE account_id = ? AND workspace_id = ? AND grant_id = ?");
    int i = 1;
    for (Object value : values) {
      update.setParameter(i++, value);
    }
    update.setParameter(i++, connection.account().value());
    update.setParameter(i++, connection.workspace().value());
    update.setParameter(i, connection.grant());
    // MariaDB counts matched rows only if asked; a guard that matched but changed nothing (the
    // error was already clear) must still say the connection stands, so ask with a SELECT.
    update.executeUpdate();
    return ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM intercom_connection WHERE account_id = ?"
                            + " AND workspace_id = ? AND grant_id = ?")
                    .setParameter(1, connection.account().value())
                    .setParameter(2, connection.workspace().value())
                    .setParameter(3, connection.grant())
                    .getSingleResult())
            .longValue()
        > 0;
  }

  @Override
  public void remove(AccountId account) {
    IntercomConnectionEntity e = em.find(IntercomConnectionEntity.class, account.value());
    if (e != null) {
      em.remove(e);
    }
  }

  @Override
  public List<Connection> ofWorkspace(WorkspaceId workspace) {
    return em
        .createQuery(
            "select c from IntercomConnectionEntity c where c.workspaceId = :workspace",
            IntercomConnectionEntity.class)
        .setParameter("workspace", workspace.value())
        .getResultList()
        .stream()
        .map(this::toDomain)
        .toList();
  }

  @Override
  public List<AccountId> connected() {
    return em
        .createQuery(
            "select c.accountId from IntercomConnectionEntity c where c.state = 'CONNECTED'"
                + " order by c.accountId",
            String.class)
        .getResultList()
        .stream()
        .map(AccountId::new)
        .toList();
  }

  @Override
  public Map<AccountId, HistoryCoverage> connectedWithHistoryToTake() {
    // The coverage columns only: a tick reads every such connection, and the entities would bring
    // their sealed tokens along for nothing.
    return em.createQuery(
            "select c.accountId, c.coverage, c.coverageCreatedAt, c.coverageConversationId"
                + " from IntercomConnectionEntity c where c.state = 'CONNECTED'"
                + " and c.coverage <> 'COMPLETE'",
            Object[].class)
        .getResultStream()
        .collect(
            Collectors.toMap(
                r -> new AccountId((String) r[0]),
                r -> coverage((String) r[1], (Instant) r[2], (String) r[3])));
  }

  private void seal(IntercomConnectionEntity e, AccessToken token) {
    TokenCipher.Sealed sealed = keys.cipher().seal(e.accountId, token);
    e.tokenKeyId = sealed.keyId();
    e.tokenCiphertext = sealed.bytes();
  }

  private Connection toDomain(IntercomConnectionEntity e) {
    Optional<TokenCipher.Opened> opened =
        keys.cipher().open(e.accountId, new TokenCipher.Sealed(e.tokenKeyId, e.tokenCiphertext));
    // Sealed by an older key or before tokens were bound to their account: sealed again now (the
    // managed row is written at commit), so rotating a key needs no separate step.
    opened.filter(TokenCipher.Opened::stale).ifPresent(o -> seal(e, o.token()));
    Optional<AccessToken> token = opened.map(TokenCipher.Opened::token);
    ConnectionState state = ConnectionState.valueOf(e.state);
    Optional<String> error = Optional.ofNullable(e.lastError);
    if (token.isEmpty() && state == ConnectionState.CONNECTED) {
      state = ConnectionState.NEEDS_REAUTH;
      error =
          Optional.of(
              "The stored Intercom authorization cannot be read with this server's keys. Reconnect Intercom.");
    }
    return new Connection(
        new AccountId(e.accountId),
        new Workspace(
            new WorkspaceId(e.workspaceId), e.workspaceName, Region.fromIntercom(e.region)),
        token.orElse(UNREADABLE),
        state,
        e.connectedBy,
        e.connectedAt,
        coverage(e.coverage, e.coverageCreatedAt, e.coverageConversationId),
        error,
        e.grant);
  }

  private static String coverageName(HistoryCoverage coverage) {
    if (coverage instanceof HistoryCoverage.DownTo) {
      return "DOWN_TO";
    }
    return coverage instanceof HistoryCoverage.Complete ? "COMPLETE" : "NOT_YET";
  }

  private static HistoryCoverage coverage(String kind, Instant createdAt, String conversationId) {
    return switch (kind) {
      case "DOWN_TO" ->
          new HistoryCoverage.DownTo(
              new HistoryPosition(createdAt, new ConversationId(conversationId)));
      case "COMPLETE" -> new HistoryCoverage.Complete();
      default -> new HistoryCoverage.NotYet();
    };
  }
}
