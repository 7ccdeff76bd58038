package com.feedbacksync.adapters.web.config;

import com.feedbacksync.adapters.web.events.EventSettings;
import com.feedbacksync.application.account.AccountService;
import com.feedbacksync.application.account.DocumentSettingsService;
import com.feedbacksync.application.account.PlanService;
import com.feedbacksync.application.account.SaveAccountService;
import com.feedbacksync.application.audit.AuditRetention;
import com.feedbacksync.application.audit.AuditService;
import com.feedbacksync.application.connection.AccountCensusService;
import com.feedbacksync.application.connection.ConnectionService;
import com.feedbacksync.application.connection.IntegrationStatusService;
import com.feedbacksync.application.connection.SkippedItemsService;
import com.feedbacksync.application.events.EventDeliveryService;
import com.feedbacksync.application.events.RepositoryEvents;
import com.feedbacksync.application.feedback.FeedbackService;
import com.feedbacksync.application.port.in.ChangePlanUseCase;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase;
import com.feedbacksync.application.port.in.CountAccountsUseCase;
import com.feedbacksync.application.port.in.DeliverEventsUseCase;
import com.feedbacksync.application.port.in.DocumentSettingsUseCase;
import com.feedbacksync.application.port.in.PruneAuditUseCase;
import com.feedbacksync.application.port.in.PruneRunsUseCase;
import com.feedbacksync.application.port.in.ReadFeedbackUseCase;
import com.feedbacksync.application.port.in.ReceiveWebhooksUseCase;
import com.feedbacksync.application.port.in.RecordAuditUseCase;
import com.feedbacksync.application.port.in.SaveAccountUseCase;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.in.SyncIntercomUseCase;
import com.feedbacksync.application.port.in.ViewAccountUseCase;
import com.feedbacksync.application.port.in.ViewAuditUseCase;
import com.feedbacksync.application.port.in.ViewIntegrationUseCase;
import com.feedbacksync.application.port.in.ViewSkippedItemsUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.AuditTrail;
import com.feedbacksync.application.port.out.ConnectionCensus;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.CustomerDirectory;
import com.feedbacksync.application.port.out.DocumentChoices;
import com.feedbacksync.application.port.out.DocumentLibrary;
import com.feedbacksync.application.port.out.EventOutbox;
import com.feedbacksync.application.port.out.EventReceiver;
import com.feedbacksync.application.port.out.IntercomAuthorization;
import com.feedbacksync.application.port.out.IntercomWorkspaces;
import com.feedbacksync.application.port.out.Leases;
import com.feedbacksync.application.port.out.OAuthStates;
import com.feedbacksync.application.port.out.RunMetrics;
import com.feedbacksync.application.port.out.SkippedItems;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.application.port.out.SyncStore;
import com.feedbacksync.application.port.out.Transactions;
import com.feedbacksync.application.port.out.WebhookDeliveries;
import com.feedbacksync.application.schedule.FailureBackoff;
import com.feedbacksync.application.schedule.RunRetention;
import com.feedbacksync.application.schedule.SchedulingService;
import com.feedbacksync.application.schedule.WebhookQueue;
import com.feedbacksync.application.schedule.WebhookService;
import com.feedbacksync.application.sync.DeadLetterBackoff;
import com.feedbacksync.application.sync.DocumentMappings;
import com.feedbacksync.application.sync.Fetchers;
import com.feedbacksync.application.sync.HistoryParts;
import com.feedbacksync.application.sync.SyncService;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.sync.PlanLimits;
import com.feedbacksync.domain.sync.Schedules;
import com.feedbacksync.domain.sync.SyncLag;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The composition root: the application's services are plain classes, built here from the adapters
 * that CDI finds for their out-ports.
 */
@ApplicationScoped
public class CompositionRoot {

  @Inject
  @ConfigProperty(name = "feedbacksync.start-plan.history-limit", defaultValue = "5000")
  int startPlanHistoryLimit;

  @Inject
  @ConfigProperty(name = "feedbacksync.documents.include-internal-notes", defaultValue = "false")
  boolean includeInternalNotes;

  @Inject
  @ConfigProperty(name = "feedbacksync.sync.parallel-fetches", defaultValue = "8")
  int parallelFetches;

  @Inject
  @ConfigProperty(name = "feedbacksync.scheduler.lease-seconds", defaultValue = "300")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "feedbacksync.sync.dead-letter-first-retry-seconds", defaultValue = "1800")
  long deadLetterFirstRetrySeconds;

  @Inject
  @ConfigProperty(name = "feedbacksync.runs.retention-days", defaultValue = "90")
  long runRetentionDays;

  @Inject
  @ConfigProperty(name = "feedbacksync.audit.retention-days", defaultValue = "365")
  long auditRetentionDays;

  @Inject
  @ConfigProperty(name = "feedbacksync.webhooks.queue-capacity", defaultValue = "10000")
  int webhookQueueCapacity;

  @Inject
  @ConfigProperty(name = "feedbacksync.webhooks.queue-per-account", defaultValue = "1000")
  int webhookQueuePerAccount;

  @Inject
  @ConfigProperty(name = "feedbacksync.metrics.accounts-refresh-seconds", defaultValue = "15")
  long accountsRefreshSeconds;

  @Resource ManagedExecutorService workers;

  @Inject EventSettings eventSettings;

  @Inject EventOutbox outbox;

  @Inject Transactions transactions;

  /**
   * The webhook re-syncs waiting for their account's lease: one queue of this server, shared by the
   * receiver that fills it and the scheduler that runs it.
   */
  private WebhookQueue webhookQueue;

  private synchronized WebhookQueue webhookQueue() {
    if (webhookQueue == null) {
      webhookQueue =
          new WebhookQueue(
              webhookQueueCapacity,
              // A capacity set below the default share alone means a smaller queue, not a failure.
              Math.min(webhookQueuePerAccount, webhookQueueCapacity));
    }
    return webhookQueue;
  }

  /**
   * The ports whose writes cause events, wrapped so that each change writes its event in its own
   * transaction; as they are when events are off (no receiver configured: nothing is written).
   */
  private Connections eventful(Connections connections) {
    return eventSettings.enabled() ? repositoryEvents().connections(connections) : connections;
  }

  private SyncRuns eventful(SyncRuns runs) {
    return eventSettings.enabled() ? repositoryEvents().runs(runs) : runs;
  }

  private RepositoryEvents repositoryEvents() {
    return new RepositoryEvents(outbox, transactions, clock(), eventSettings.failingAfter());
  }

  @Produces
  @ApplicationScoped
  DeliverEventsUseCase deliverEvents(EventReceiver receiver, Clock clock) {
    return new EventDeliveryService(
        outbox,
        receiver,
        clock,
        eventSettings.policy(),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * The one clock of the service: every adapter and service asks for it instead of reading the
   * system time, so tests can hold time still. Dependent: a {@link Clock} is an immutable value,
   * and a normal scope would need a proxy of a JDK class.
   */
  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @ApplicationScoped
  ViewAccountUseCase viewAccount(Accounts accounts) {
    return new AccountService(accounts);
  }

  @Produces
  @ApplicationScoped
  DocumentSettingsUseCase documentSettings(Accounts accounts, DocumentChoices choices) {
    return new DocumentSettingsService(accounts, choices, serverDocumentDefaults());
  }

  /** What an account's documents show until it chooses otherwise. */
  private MappingSettings serverDocumentDefaults() {
    return new MappingSettings(includeInternalNotes);
  }

  @Produces
  @ApplicationScoped
  SyncIntercomUseCase syncIntercom(
      Accounts accounts,
      DocumentChoices choices,
      Connections connections,
      IntercomWorkspaces intercom,
      SyncStore store,
      SyncRuns runs,
      Clock clock) {
    return new SyncService(
        accounts,
        // A refused token's NEEDS_REAUTH writes connection.needs_reauth.
        eventful(connections),
        intercom,
        store,
        new PlanLimits(startPlanHistoryLimit),
        DocumentMappings.chosenOr(choices, serverDocumentDefaults()),
        clock,
        (conversation, file) -> "/api/v1/documents/" + conversation.value() + "/files/" + file,
        runs,
        new Fetchers(workers, parallelFetches),
        HistoryParts.DEFAULT,
        DeadLetterBackoff.startingAt(Duration.ofSeconds(deadLetterFirstRetrySeconds)));
  }

  @Produces
  @ApplicationScoped
  ScheduleSyncsUseCase scheduler(
      Accounts accounts,
      Connections connections,
      SyncRuns runs,
      Leases leases,
      SyncIntercomUseCase sync,
      RunMetrics metrics,
      Clock clock) {
    // The owner names this server process in the lease rows, so an operator can see who runs what.
    return new SchedulingService(
        accounts,
        connections,
        // A first sync's completion and the Nth failed run in a row write their events.
        eventful(runs),
        leases,
        sync,
        Schedules.DEFAULT,
        workers,
        clock,
        ManagementFactory.getRuntimeMXBean().getName(),
        Duration.ofSeconds(leaseSeconds),
        FailureBackoff.DEFAULT,
        webhookQueue(),
        metrics);
  }

  @Produces
  @ApplicationScoped
  ReceiveWebhooksUseCase receiveWebhooks(
      Connections connections,
      WebhookDeliveries deliveries,
      ScheduleSyncsUseCase scheduler,
      Clock clock) {
    return new WebhookService(connections, deliveries, webhookQueue(), scheduler, clock);
  }

  @Produces
  @ApplicationScoped
  ConnectIntercomUseCase connectIntercom(
      IntercomAuthorization intercom,
      OAuthStates states,
      Connections connections,
      SyncStore store,
      ScheduleSyncsUseCase scheduler,
      Clock clock) {
    // Connecting and disconnecting write their events.
    return new ConnectionService(intercom, states, eventful(connections), store, scheduler, clock);
  }

  @Produces
  @ApplicationScoped
  ViewIntegrationUseCase viewIntegration(Connections connections, SyncRuns runs, Clock clock) {
    return new IntegrationStatusService(
        connections, runs, Schedules.DEFAULT, clock, FailureBackoff.DEFAULT);
  }

  /** The account gauges' counts; one that failed to refresh four times running is stale. */
  @Produces
  @ApplicationScoped
  CountAccountsUseCase countAccounts(ConnectionCensus census, Clock clock) {
    return new AccountCensusService(
        census,
        SyncLag.DEFAULT,
        clock,
        Duration.ofSeconds(Math.max(60, 4 * accountsRefreshSeconds)));
  }

  @Produces
  @ApplicationScoped
  ViewSkippedItemsUseCase viewSkipped(SkippedItems items) {
    return new SkippedItemsService(items);
  }

  @Produces
  @ApplicationScoped
  PruneRunsUseCase pruneRuns(SyncRuns runs, Clock clock) {
    return new RunRetention(runs, clock, Duration.ofDays(runRetentionDays));
  }

  @Produces
  @ApplicationScoped
  RecordAuditUseCase recordAudit(AuditTrail trail, Clock clock) {
    return new AuditService(trail, clock);
  }

  @Produces
  @ApplicationScoped
  ViewAuditUseCase viewAudit(AuditTrail trail, Clock clock) {
    return new AuditService(trail, clock);
  }

  @Produces
  @ApplicationScoped
  PruneAuditUseCase pruneAudit(AuditTrail trail, Clock clock) {
    return new AuditRetention(trail, clock, Duration.ofDays(auditRetentionDays));
  }

  @Produces
  @ApplicationScoped
  ReadFeedbackUseCase readFeedback(DocumentLibrary documents, CustomerDirectory customers) {
    return new FeedbackService(documents, customers);
  }

  @Produces
  @ApplicationScoped
  ChangePlanUseCase changePlan(
      Accounts accounts, Connections connections, ScheduleSyncsUseCase scheduler) {
    return new PlanService(accounts, connections, new PlanLimits(startPlanHistoryLimit), scheduler);
  }

  @Produces
  @ApplicationScoped
  SaveAccountUseCase saveAccount(Accounts accounts, ChangePlanUseCase plans) {
    return new SaveAccountService(accounts, plans);
  }
}
