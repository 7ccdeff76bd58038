package com.feedbacksync.application.schedule;

import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.port.out.Connections;
import com.feedbacksync.application.port.out.SyncRuns;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.sync.Schedules;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The connected accounts that may have a sync due, read for all of them at once: an idle tick of a
 * thousand accounts cost four reads for each (about a second of CPU, measured by B6), though most
 * have nothing due. {@link DueKinds} still decides each candidate; this only must never leave out
 * one it would start.
 */
final class DueCandidates {

  private final Accounts accounts;
  private final Connections connections;
  private final SyncRuns runs;
  private final Schedules schedules;

  DueCandidates(Accounts accounts, Connections connections, SyncRuns runs, Schedules schedules) {
    this.accounts = accounts;
    this.connections = connections;
    this.runs = runs;
    this.schedules = schedules;
  }

  /**
   * Those owed history (the first sync until it finishes, the rest of it on the paid plan only: a
   * Start plan's account keeps only its most recent conversations for good), and those whose runs
   * say a schedule or a failure's retry may be due.
   */
  Set<AccountId> among(List<AccountId> connected, Instant now) {
    // Ids match without letter case, as the database's collation matches them: a connection may
    // be stored under "ACME" for the account "acme".
    Set<String> paid =
        accounts.onPlan(Plan.PAID).stream()
            .map(a -> a.value().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    Set<AccountId> may = new HashSet<>();
    connections
        .connectedWithHistoryToTake()
        .forEach(
            (account, coverage) -> {
              Plan plan =
                  paid.contains(account.value().toLowerCase(Locale.ROOT)) ? Plan.PAID : Plan.START;
              if (coverage.owesHistory(plan)) {
                may.add(account);
              }
            });
    may.addAll(
        runs.mayBeDue(
            connected,
            now.minus(schedules.conversationInterval()),
            now.minus(schedules.customerInterval())));
    return may;
  }
}
