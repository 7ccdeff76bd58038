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
    assertEquals(
        admitted, PlanLimits.DEFAULT.quota(plan, CONNECTED, historicTaken).admits(candidate));
  }

  @ParameterizedTest(name = "{0}, {1} taken, last created {2}s from connect -> stop: {3}")
  @CsvSource({
    "START, 4999, -10, false",
    "START, 5000, -10, true",
    "START, 5001, -10, true",
    "START, 5000, 0, false", // conversations of the same second may follow: new ones
    "START, 5000, 10, false",
    "PAID, 5000, -10, false",
    "PAID, 10000000, -10, false"
  })
  void tells_when_the_history_walk_can_stop(
      Plan plan, int taken, long lastCreatedOffset, boolean stop) {
    HistoryPosition last = at(CONNECTED.getEpochSecond() + lastCreatedOffset, "1");
    assertEquals(stop, PlanLimits.DEFAULT.quota(plan, CONNECTED, taken).exhaustedAfter(last));
  }

  @ParameterizedTest(name = "{0}, limit {1}, {2} taken -> room for {3}")
  @CsvSource({
    "START, 5, 0, 5",
    "START, 5, 4, 1",
    "START, 5, 5, 0",
    "START, 5, 7, 0",
    "START, 0, 0, 0",
    "PAID, 5, 7, " + Long.MAX_VALUE
  })
  void leaves_room_for_what_the_limit_still_admits(Plan plan, int limit, int taken, long room) {
    assertEquals(room, new PlanLimits(limit).quota(plan, CONNECTED, taken).roomLeft());
  }

  @ParameterizedTest(name = "kept {0}s from connect, {1} taken before -> {2} after")
  @CsvSource({"-10, 3, 4", "-1, 0, 1", "0, 3, 3", "10, 3, 3"})
  void counts_only_conversations_older_than_the_connection(
      long createdOffset, int before, int after) {
    HistoryQuota quota = PlanLimits.DEFAULT.quota(Plan.START, CONNECTED, before);
    assertEquals(after, quota.take(at(CONNECTED.getEpochSecond() + createdOffset, "1")).taken());
  }

  @Test
  void refuses_a_negative_quota() {
    assertThrows(IllegalArgumentException.class, () -> new HistoryQuota(-1, CONNECTED, 0));
    assertThrows(IllegalArgumentException.class, () -> new HistoryQuota(5, CONNECTED, -1));
  }

  @Test
  void takes_the_most_recent_by_creation_time_not_by_input_order() {
    PlanLimits limits = new PlanLimits(2);
    List<HistoryPosition> qualifying =
        List.of(at(100, "1"), at(300, "3"), at(200, "2"), at(50, "0"));
    assertEquals(List.of(at(300, "3"), at(200, "2")), firstSync(limits, Plan.START, qualifying));
  }

  @Test
  void breaks_ties_in_creation_time_by_id_numerically() {
    PlanLimits limits = new PlanLimits(2);
    List<HistoryPosition> qualifying = List.of(at(100, "9"), at(100, "10"), at(100, "8"));
    assertEquals(List.of(at(100, "10"), at(100, "9")), firstSync(limits, Plan.START, qualifying));
  }

  @Test
  void takes_all_history_on_a_paid_plan() {
    List<HistoryPosition> qualifying =
        IntStream.range(0, 50).mapToObj(i -> at(1000 + i, String.valueOf(i))).toList();
    assertEquals(50, firstSync(new PlanLimits(2), Plan.PAID, qualifying).size());
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
    List<HistoryPosition> taken = firstSync(new PlanLimits(limit), Plan.START, qualifying);

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
    List<HistoryPosition> taken = firstSync(limits, Plan.START, qualifying);
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

  /**
   * A first sync as the history walk spends its quota: newest first, asking before each listing
   * whether it is admitted and stopping once it is exhausted; every listing here qualifies.
   */
  private static List<HistoryPosition> firstSync(
      PlanLimits limits, Plan plan, List<HistoryPosition> qualifying) {
    List<HistoryPosition> newestFirst = new ArrayList<>(qualifying);
    newestFirst.sort(null);
    HistoryQuota quota = limits.quota(plan, CONNECTED, 0);
    List<HistoryPosition> taken = new ArrayList<>();
    for (HistoryPosition candidate : newestFirst) {
      if (!quota.admits(candidate)) {
        break;
      }
      taken.add(candidate);
      quota = quota.take(candidate);
      if (quota.exhaustedAfter(candidate)) {
        break;
      }
    }
    return taken;
  }

  private static HistoryPosition at(long epochSecond, String id) {
    return new HistoryPosition(Instant.ofEpochSecond(epochSecond), new ConversationId(id));
  }
}
