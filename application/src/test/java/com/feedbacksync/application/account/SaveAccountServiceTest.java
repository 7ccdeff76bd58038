package com.feedbacksync.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.port.in.SaveAccountUseCase.IdClash;
import com.feedbacksync.application.port.in.SaveAccountUseCase.Saved;
import com.feedbacksync.application.port.in.SaveAccountUseCase.SavedAccount;
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

class SaveAccountServiceTest {

  private static final AccountId ACME = new AccountId("acme");
  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  private final InMemoryAccounts accounts = new InMemoryAccounts();
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
  private final SaveAccountService service =
      new SaveAccountService(
          accounts, new PlanService(accounts, connections, PlanLimits.DEFAULT, scheduler));

  @Test
  void a_new_id_creates_the_account_as_given() {
    SavedAccount saved =
        assertInstanceOf(
            SavedAccount.class, service.save(new Account(ACME, "Acme Research", Plan.START)));

    assertTrue(saved.created());
    assertEquals(Optional.of(new Account(ACME, "Acme Research", Plan.START)), accounts.find(ACME));
    assertEquals(Optional.empty(), saved.planChange());
  }

  @Test
  void saving_the_same_account_again_changes_nothing() {
    service.save(new Account(ACME, "Acme Research", Plan.START));

    SavedAccount again =
        assertInstanceOf(
            SavedAccount.class, service.save(new Account(ACME, "Acme Research", Plan.START)));

    assertFalse(again.created());
    assertEquals(Optional.empty(), again.planChange());
    assertEquals(List.of(), syncsStarted);
  }

  @Test
  void a_known_id_is_renamed_and_keeps_its_plan() {
    accounts.with(new Account(ACME, "Acme", Plan.PAID));

    SavedAccount saved =
        assertInstanceOf(
            SavedAccount.class, service.save(new Account(ACME, "Acme Research Inc.", Plan.PAID)));

    assertFalse(saved.created());
    assertEquals(
        Optional.of(new Account(ACME, "Acme Research Inc.", Plan.PAID)), accounts.find(ACME));
  }

  @Test
  void an_upgrade_after_a_limited_first_sync_backfills() {
    accounts.with(new Account(ACME, "Acme", Plan.START));
    HistoryPosition oldest = new HistoryPosition(T, new ConversationId("77"));
    connections.save(
        InMemoryConnections.connection(
            ACME, ConnectionState.CONNECTED, T, new HistoryCoverage.DownTo(oldest)));

    SavedAccount saved =
        assertInstanceOf(SavedAccount.class, service.save(new Account(ACME, "Acme", Plan.PAID)));

    assertEquals(Plan.PAID, accounts.find(ACME).orElseThrow().plan());
    assertEquals(new PlanChange.Backfill(oldest), saved.planChange().orElseThrow().change());
    assertEquals(Optional.of("run-1"), saved.planChange().orElseThrow().backfillRun());
    assertEquals(List.of(ACME), syncsStarted);
  }

  @Test
  void an_id_that_differs_from_a_stored_one_only_in_letter_case_saves_nothing() {
    service.save(new Account(ACME, "Acme Research", Plan.START));

    Saved clash = service.save(new Account(new AccountId("ACME"), "Mallory", Plan.PAID));

    assertEquals(new IdClash(new AccountId("ACME"), ACME), clash);
    assertEquals(
        Optional.of(new Account(ACME, "Acme Research", Plan.START)),
        accounts.find(ACME),
        "the stored account keeps its name and plan");
  }
}
