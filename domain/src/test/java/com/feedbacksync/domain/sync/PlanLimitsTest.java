package com.feedbacksync.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.intercom.ConversationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanLimitsTest {

  private static final Instant CONNECTED = Instant.ofEpochSecond(1_785_000_000L);

  @Test
  void takes_five_thousand_by_default() {
    assertEquals(5_000, PlanLimits.DEFAULT.startPlanHistoryLimit());
  }

  @Test
  void refuses_a_negative_limit() {
    assertThrows(IllegalArgumentException.class, () -> new PlanLimits(-1));
  }

  @ParameterizedTest(name = "{0}: {1} taken, created {2}s from connect -> {3}")
  @CsvSource({
    "START, 0,    -10, true",
    "START, 4999, -10, true",
    "START, 5000, -10, false",
    "START, 9000, -10, false",
    "START, 5000,   0, true", // created at the moment of connecting: new
    "START, 5000,  10, true", // new conversations are always taken
    "PAID,  5000, -10, true",
    "PAID,  999999, -10, true"
  })
  void admits_history_up_to_the_limit_and_new_conversations_always(
      Plan plan, int historicTaken, long createdOffset, boolean admitted) {
    HistoryPosition candidate = at(CONNECTED.getEpochSecond() + createdOffset, "1");
    assertEquals(admitted, PlanLimits.DEFAULT.admits(plan, CONNECTED, candidate, historicTaken));
  }

  @ParameterizedTest
  @CsvSource({
    "START, 4999, false",
    "START, 5000, true",
    "PAID, 5000, false",
    "PAID, 10000000, false"
  })
  void tells_when_the_history_walk_can_stop(Plan plan, int taken, boolean full) {
    assertEquals(full, PlanLimits.DEFAULT.historyFull(plan, taken));
  }

  @Test
  void takes_the_most_recent_by_creation_time_not_by_input_order() {
    PlanLimits limits = new PlanLimits(2);
    List<HistoryPosition> qualifying =
        List.of(at(100, "1"), at(300, "3"), at(200, "2"), at(50, "0"));
    assertEquals(
        List.of(at(300, "3"), at(200, "2")),
        limits.selectFirstSync(Plan.START, CONNECTED, qualifying));
  }

  @Test
  void breaks_ties_in_creation_time_by_id_numerically() {
    PlanLimits limits = new PlanLimits(2);
    List<HistoryPosition> qualifying = List.of(at(100, "9"), at(100, "10"), at(100, "8"));
    assertEquals(
        List.of(at(100, "10"), at(100, "9")),
        limits.selectFirstSync(Plan.START, CONNECTED, qualifying));
  }

  @Test
  void takes_all_history_on_a_paid_plan() {
    List<HistoryPosition> qualifying =
        IntStream.range(0, 50).mapToObj(i -> at(1000 + i, String.valueOf(i))).toList();
    assertEquals(50, new PlanLimits(2).selectFirstSync(Plan.PAID, CONNECTED, qualifying).size());
  }

  @Test
  void backfills_what_is_older_than_the_oldest_taken_after_an_upgrade() {
    HistoryPosition oldest = at(100, "1");
    assertEquals(
        new PlanChange.Backfill(oldest),
        PlanLimits.DEFAULT.planChanged(Plan.START, Plan.PAID, new HistoryCoverage.DownTo(oldest)));
  }

  @Test
  void backfills_nothing_when_history_is_complete_or_the_first_sync_is_still_running() {
    assertTrue(
        PlanLimits.DEFAULT.planChanged(Plan.START, Plan.PAID, new HistoryCoverage.Complete())
            instanceof PlanChange.NoBackfill);
    PlanChange running =
        PlanLimits.DEFAULT.planChanged(Plan.START, Plan.PAID, new HistoryCoverage.NotYet());
    assertEquals(
        "The first sync has not finished; it now takes all history.",
        ((PlanChange.NoBackfill) running).reason());
  }

  @Test
  void deletes_and_fetches_nothing_on_a_downgrade_or_no_change() {
    HistoryCoverage coverage = new HistoryCoverage.DownTo(at(1, "1"));
    assertEquals(
        "Everything already synced is kept; new conversations keep syncing.",
        ((PlanChange.NoBackfill) PlanLimits.DEFAULT.planChanged(Plan.PAID, Plan.START, coverage))
            .reason());
    assertEquals(
        "The plan did not change.",
        ((PlanChange.NoBackfill) PlanLimits.DEFAULT.planChanged(Plan.START, Plan.START, coverage))
            .reason());
    assertEquals(
        "All history is already synced.",
        ((PlanChange.NoBackfill)
                PlanLimits.DEFAULT.planChanged(
                    Plan.START, Plan.PAID, new HistoryCoverage.Complete()))
            .reason());
  }

  @Property(tries = 300)
  void the_first_start_sync_never_exceeds_the_limit_and_never_drops_a_new_conversation(
      @ForAll("workspaces") List<HistoryPosition> qualifying,
      @ForAll @IntRange(max = 30) int limit) {
    List<HistoryPosition> taken =
        new PlanLimits(limit).selectFirstSync(Plan.START, CONNECTED, qualifying);

    long historicTaken = taken.stream().filter(p -> p.createdAt().isBefore(CONNECTED)).count();
    assertTrue(historicTaken <= limit);
    qualifying.stream()
        .filter(p -> !p.createdAt().isBefore(CONNECTED))
        .forEach(p -> assertTrue(taken.contains(p), "new conversation dropped: " + p));
    List<HistoryPosition> historic =
        qualifying.stream().filter(p -> p.createdAt().isBefore(CONNECTED)).sorted().toList();
    assertEquals(
        historic.subList(0, Math.min(limit, historic.size())),
        taken.stream().filter(p -> p.createdAt().isBefore(CONNECTED)).toList(),
        "the most recent ones, newest first");
  }

  @Property(tries = 300)
  void an_upgrade_backfills_exactly_what_the_limit_left_out(
      @ForAll("workspaces") List<HistoryPosition> qualifying,
      @ForAll @IntRange(min = 1, max = 30) int limit) {
    PlanLimits limits = new PlanLimits(limit);
    List<HistoryPosition> taken = limits.selectFirstSync(Plan.START, CONNECTED, qualifying);
    List<HistoryPosition> historicTaken =
        taken.stream().filter(p -> p.createdAt().isBefore(CONNECTED)).toList();
    HistoryCoverage coverage =
        historicTaken.size() < limit
            ? new HistoryCoverage.Complete()
            : new HistoryCoverage.DownTo(historicTaken.get(historicTaken.size() - 1));

    PlanChange change = limits.planChanged(Plan.START, Plan.PAID, coverage);

    List<HistoryPosition> backfilled =
        change instanceof PlanChange.Backfill backfill
            ? qualifying.stream().filter(p -> p.isOlderThan(backfill.olderThan())).toList()
            : List.of();
    Set<HistoryPosition> union = new HashSet<>(taken);
    backfilled.forEach(p -> assertTrue(union.add(p), "fetched twice: " + p));
    assertEquals(new HashSet<>(qualifying), union);
  }

  @Provide
  Arbitrary<List<HistoryPosition>> workspaces() {
    return Combinators.combine(
            Arbitraries.longs().between(-200, 50), Arbitraries.integers().between(1, 500))
        .as((offset, id) -> at(CONNECTED.getEpochSecond() + offset, String.valueOf(id)))
        .list()
        .ofMaxSize(60)
        .uniqueElements()
        .map(ArrayList::new);
  }

  @Test
  void orders_positions_newest_first() {
    assertTrue(at(100, "1").compareTo(at(200, "1")) > 0);
    assertTrue(at(100, "1").isOlderThan(at(100, "2")));
    assertFalse(at(100, "2").isOlderThan(at(100, "2")));
  }

  private static HistoryPosition at(long epochSecond, String id) {
    return new HistoryPosition(Instant.ofEpochSecond(epochSecond), new ConversationId(id));
  }
}
