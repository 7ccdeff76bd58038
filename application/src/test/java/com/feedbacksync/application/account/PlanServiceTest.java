package com.feedbacksync.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.port.in.ChangePlanUseCase.PlanChanged;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.HistoryPosition;
import com.feedbacksync.domain.sync.PlanChange;
import com.feedbacksync.domain.sync.PlanLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanServiceTest {

  private static final AccountId ACME = new AccountId("acme");
  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");
  private static final HistoryPosition OLDEST = new HistoryPosition(T, new ConversationId("77"));

  private final InMemoryAccounts accounts =
      new InMemoryAccounts().with(new Account(ACME, "Acme", Plan.START));
  private final InMemoryConnections connections = new InMemoryConnections();
  private final List<AccountId> syncsStarted = new ArrayList<>();
  private final ScheduleSyncsUseCase scheduler =
      new ScheduleSyncsUseCase() {
        @Override
        public void renewLeases() {
          throw new UnsupportedOperationException("no runs held here");
        }

        @Override
        public List<String> tick() {
          return List.of();
        }

        @Override
        public Optional<String> syncNow(AccountId account) {
          syncsStarted.add(account);
          return Optional.of("run-1");
        }

        @Override
        public void resyncWebhooksSoon() {
          throw new UnsupportedOperationException("no webhook arrives in these tests");
        }
      };
  private final PlanService plans =
      new PlanService(accounts, connections, PlanLimits.DEFAULT, scheduler);

  private void connect(HistoryCoverage coverage) {
    connections.save(InMemoryConnections.connection(ACME, ConnectionState.CONNECTED, T, coverage));
  }

  @Test
  void an_upgrade_after_a_limited_first_sync_starts_the_backfill_of_what_is_older() {
    connect(new HistoryCoverage.DownTo(OLDEST));
    PlanChanged changed = plans.changePlan(ACME, Plan.PAID).orElseThrow();
    assertEquals(new PlanChange.Backfill(OLDEST), changed.change());
    assertEquals(Optional.of("run-1"), changed.backfillRun());
    assertEquals(Plan.PAID, accounts.find(ACME).orElseThrow().plan());
    assertEquals(List.of(ACME), syncsStarted);
  }

  @Test
  void an_upgrade_with_all_history_synced_starts_nothing() {
    connect(new HistoryCoverage.Complete());
    PlanChanged changed = plans.changePlan(ACME, Plan.PAID).orElseThrow();
    assertEquals(new PlanChange.NoBackfill("All history is already synced."), changed.change());
    assertEquals(Optional.empty(), changed.backfillRun());
    assertEquals(List.of(), syncsStarted);
  }

  @Test
  void a_downgrade_is_stored_and_deletes_nothing() {
    accounts.with(new Account(ACME, "Acme", Plan.PAID));
    connect(new HistoryCoverage.Complete());
    PlanChanged changed = plans.changePlan(ACME, Plan.START).orElseThrow();
    assertInstanceOf(PlanChange.NoBackfill.class, changed.change());
    assertEquals(Plan.START, changed.account().plan());
    assertEquals(Plan.START, accounts.find(ACME).orElseThrow().plan());
  }

  @Test
  void an_upgrade_before_connecting_needs_no_backfill() {
    PlanChanged changed = plans.changePlan(ACME, Plan.PAID).orElseThrow();
    assertInstanceOf(PlanChange.NoBackfill.class, changed.change());
    assertTrue(syncsStarted.isEmpty());
  }

  @Test
  void an_unknown_account_changes_nothing() {
    assertEquals(Optional.empty(), plans.changePlan(new AccountId("nobody"), Plan.PAID));
  }
}
