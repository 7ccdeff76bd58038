package com.feedbacksync.application.sync;

import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionIdentity;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.model.SyncStream;
import com.feedbacksync.application.model.WebhookItem;
import com.feedbacksync.application.port.in.SyncIntercomUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.IntercomFailure;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.application.port.out.IntercomWorkspaces;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.PlanLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's entry point: finds the account's connection, opens its workspace, hands the run to
 * the walk of its kind ({@link HistoryWalk}, {@link UpdatedConversationsWalk} and {@link
 * DeletionsWalk}, {@link CustomersWalk}, {@link CompaniesWalk}, {@link WebhookResync}), and turns
 * Intercom's failures into the connection's state. An item that cannot be read is set aside (a dead
 * letter, counted, tried again by later hourly runs) and its walk goes on. Every walk commits what
 * it brings with the checkpoint after it, so a run that stops anywhere resumes from its last
 * commit. A revoked token stops this account only.
 */
public final class SyncService implements SyncIntercomUseCase {

  private final Accounts accounts;
  private final Connections connections;
  private final IntercomWorkspaces intercom;
  private final SyncStore store;
  private final PlanLimits limits;
  private final DocumentMappings mappings;
  private final Clock clock;
  private final FileLinks links;
  private final SyncRuns runs;
  private final Fetchers fetchers;
  private final HistoryParts parts;
  private final DeadLetterBackoff deadLetters;

  /** Where the service serves a document's stored file: the web adapter's knowledge, passed in. */
  @FunctionalInterface
  public interface FileLinks {
    String link(ConversationId conversation, String fileId);
  }

  /**
   * @param fetchers how many conversations and profiles of a page are fetched at once; the database
   *     work stays on the run's thread
   * @param parts how a history walk cuts a page into committed parts
   * @param deadLetters when the hourly run tries an unreadable item again
   */
  public SyncService(
      Accounts accounts,
      Connections connections,
      IntercomWorkspaces intercom,
      SyncStore store,
      PlanLimits limits,
      DocumentMappings mappings,
      Clock clock,
      FileLinks links,
      SyncRuns runs,
      Fetchers fetchers,
      HistoryParts parts,
      DeadLetterBackoff deadLetters) {
    this.parts = Objects.requireNonNull(parts);
    this.deadLetters = Objects.requireNonNull(deadLetters);
    this.fetchers = Objects.requireNonNull(fetchers);
    this.accounts = Objects.requireNonNull(accounts);
    this.connections = Objects.requireNonNull(connections);
    this.intercom = Objects.requireNonNull(intercom);
    this.store = Objects.requireNonNull(store);
    this.limits = Objects.requireNonNull(limits);
    this.mappings = Objects.requireNonNull(mappings);
    this.clock = Objects.requireNonNull(clock);
    this.links = Objects.requireNonNull(links);
    this.runs = Objects.requireNonNull(runs);
  }

  @Override
  public SyncOutcome run(AccountId accountId, SyncKind kind, LeaseToken lease) {
    if (kind == SyncKind.WEBHOOK) {
      throw new IllegalArgumentException("A webhook run re-syncs the items it is given.");
    }
    Optional<Connection> found = connections.find(accountId);
    if (found.isEmpty() || found.get().state() != ConnectionState.CONNECTED) {
      return notConnected(found);
    }
    if ((kind == SyncKind.HOURLY || kind == SyncKind.CUSTOMERS)
        && found.get().coverage() instanceof HistoryCoverage.NotYet) {
      return new SyncOutcome.Skipped("The first sync has not finished.");
    }
    return execute(found.get(), lease, walks -> walks.run(kind));
  }

  @Override
  public SyncOutcome resync(AccountId accountId, List<WebhookItem> items, LeaseToken lease) {
    Optional<Connection> found = connections.find(accountId);
    if (found.isEmpty() || found.get().state() != ConnectionState.CONNECTED) {
      return notConnected(found);
    }
    return execute(
        found.get(),
        lease,
        walks -> {
          for (WebhookItem item : items) {
            if (item instanceof WebhookItem.Conversation c) {
              walks.conversation(c.id());
            } else {
              walks.contact(((WebhookItem.Customer) item).id());
            }
          }
        });
  }

  private static SyncOutcome notConnected(Optional<Connection> found) {
    return new SyncOutcome.Skipped(
        found.isEmpty()
            ? "Intercom is not connected."
            : "The Intercom connection is " + found.get().state() + ".");
  }

  private SyncOutcome execute(Connection connection, LeaseToken lease, Consumer<Walks> work) {
    Optional<Account> account = accounts.find(connection.account());
    if (account.isEmpty()) {
      return new SyncOutcome.Skipped("No such account.");
    }
    IntercomWorkspace workspace = intercom.open(connection.access());
    SyncRun run =
        new SyncRun(account.get(), connection, lease, workspace, store, runs, connections, clock);
    ProfileFetches profiles =
        new ProfileFetches(workspace, connection.workspace().id(), fetchers, run.reads());
    DocumentImport imports =
        new DocumentImport(
            mappings.of(connection.account()),
            connection.workspace(),
            new FileCopies(
                workspace,
                links,
                store.maxFileBytes(),
                c -> store.storedFiles(connection.account(), connection.workspace().id(), c)),
            clock);
    // Every write below names the connection the run started with: if the admin disconnected or
    // connected again meanwhile, nothing lands on the row that stands now (or re-creates a gone
    // one).
    ConnectionIdentity identity = connection.identity();
    try {
      work.accept(new Walks(run, imports, profiles));
      if (!connections.clearError(identity)) {
        return cancelled(run);
      }
      return new SyncOutcome.Completed(run.totals());
    } catch (SyncStore.ConnectionGone e) {
      return cancelled(run);
    } catch (SyncStore.LeaseLost e) {
      // Another server holds the account now: its run records the connection's state, not this one.
      return new SyncOutcome.Failed(e.getMessage(), run.totals());
    } catch (IntercomFailure.AuthorizationRevoked e) {
      if (!connections.recordFailure(identity, ConnectionState.NEEDS_REAUTH, e.getMessage())) {
        return cancelled(run);
      }
      return new SyncOutcome.NeedsReauth(run.totals());
    } catch (IntercomFailure e) {
      if (!connections.recordFailure(identity, ConnectionState.CONNECTED, e.getMessage())) {
        return cancelled(run);
      }
      return new SyncOutcome.Failed(e.getMessage(), run.totals());
    }
  }

  private static SyncOutcome cancelled(SyncRun run) {
    return new SyncOutcome.Cancelled(
        "Cancelled: Intercom was disconnected or connected again while the sync ran; nothing it"
            + " fetched after that was kept.",
        run.totals());
  }

  /** The walks of one run, sharing its context, its document import and its profile fetches. */
  private final class Walks {
    private final SyncRun run;
    private final DocumentImport imports;
    private final ProfileFetches profiles;

    Walks(SyncRun run, DocumentImport imports, ProfileFetches profiles) {
      this.run = run;
      this.imports = imports;
      this.profiles = profiles;
    }

    void run(SyncKind kind) {
      switch (kind) {
        case FIRST -> history().first();
        case BACKFILL -> history().backfill();
        case HOURLY -> {
          if (new UpdatedConversationsWalk(run, fetchers, imports, profiles).walk()) {
            new DeletionsWalk(run).walk();
          }
          new DeadLetterRetries(run, imports, profiles, deadLetters).retry();
        }
        case CUSTOMERS -> {
          // Read before the contacts walk moves it: where a companies walk that never ran starts.
          Optional<Instant> since = run.checkpoint(SyncStream.CUSTOMERS).watermark();
          new CustomersWalk(run, profiles).walk();
          new CompaniesWalk(run, profiles).walk(since);
        }
      }
    }

    void conversation(ConversationId id) {
      new WebhookResync(run, imports, profiles).conversation(id);
    }

    void contact(ContactId id) {
      new WebhookResync(run, imports, profiles).customer(id);
    }

    private HistoryWalk history() {
      return new HistoryWalk(run, limits, fetchers, parts, imports, profiles);
    }
  }
}
