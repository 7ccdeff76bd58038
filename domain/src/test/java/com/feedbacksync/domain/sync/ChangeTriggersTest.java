package com.feedbacksync.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.ConversationState;
import com.feedbacksync.domain.intercom.DeliveredAs;
import com.feedbacksync.domain.intercom.Statistics;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.testing.FixtureConversations;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeTriggersTest {

  private static final Instant T = Instant.ofEpochSecond(1_785_000_000L);

  /** A conversation as the last sync stored it, seen in a listing. */
  private static final ConversationListing BEFORE =
      listing(
          T.plusSeconds(100),
          ConversationState.OPEN,
          Set.of("1", "2"),
          Optional.of(T.plusSeconds(50)),
          Optional.of(T.plusSeconds(60)),
          Optional.of("7301245"),
          false,
          "none");

  static Stream<Arguments> changes() {
    return Stream.of(
        change(
            "a customer replied",
            l ->
                with(
                    l,
                    l.statistics().lastContactReplyAt().map(t -> t.plusSeconds(5)),
                    l.statistics().lastAdminReplyAt()),
            Trigger.CUSTOMER_REPLY),
        change(
            "an agent replied",
            l -> with(l, l.statistics().lastContactReplyAt(), Optional.of(T.plusSeconds(200))),
            Trigger.AGENT_REPLY),
        change("a tag was added", l -> withTags(l, Set.of("1", "2", "3")), Trigger.TAG_ADDED),
        change("a tag was removed", l -> withTags(l, Set.of("1")), Trigger.TAG_REMOVED),
        change(
            "a tag was swapped",
            l -> withTags(l, Set.of("1", "9")),
            Trigger.TAG_ADDED,
            Trigger.TAG_REMOVED),
        change(
            "it was closed", l -> withState(l, ConversationState.CLOSED), Trigger.STATUS_CHANGED),
        change(
            "it was snoozed", l -> withState(l, ConversationState.SNOOZED), Trigger.STATUS_CHANGED),
        change(
            "a reply and a close at once",
            l ->
                withState(
                    with(l, Optional.of(T.plusSeconds(300)), Optional.of(T.plusSeconds(310))),
                    ConversationState.CLOSED),
            Trigger.CUSTOMER_REPLY,
            Trigger.AGENT_REPLY,
            Trigger.STATUS_CHANGED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void re_fetches_on_a_change_that_matters(
      String name, UnaryOperator<ConversationListing> change, Set<Trigger> expected) {
    ConversationListing fresh = bumped(change.apply(BEFORE));
    assertEquals(
        new ChangeDecision.Resync(expected), ChangeTriggers.decide(stored(BEFORE), fresh), name);
  }

  static Stream<Arguments> nonChanges() {
    return Stream.of(
        Arguments.of(
            "assigned to someone else",
            (UnaryOperator<ConversationListing>) l -> withAssignee(l, Optional.of("99"))),
        Arguments.of(
            "unassigned",
            (UnaryOperator<ConversationListing>) l -> withAssignee(l, Optional.empty())),
        Arguments.of("read", (UnaryOperator<ConversationListing>) l -> withRead(l, true)),
        Arguments.of(
            "priority raised", (UnaryOperator<ConversationListing>) l -> withPriority(l, "urgent")),
        Arguments.of("only updated_at moved", (UnaryOperator<ConversationListing>) l -> l));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonChanges")
  void costs_nothing_for_changes_that_do_not_matter(
      String name, UnaryOperator<ConversationListing> change) {
    ConversationListing fresh = bumped(change.apply(BEFORE));
    assertEquals(
        new ChangeDecision.Unchanged(), ChangeTriggers.decide(stored(BEFORE), fresh), name);
    assertFalse(ChangeTriggers.decide(stored(BEFORE), fresh).fetch());
  }

  @Test
  void fetches_a_conversation_never_synced() {
    ChangeDecision decision = ChangeTriggers.decide(Optional.empty(), BEFORE);
    assertEquals(new ChangeDecision.New(), decision);
    assertTrue(decision.fetch());
  }

  @Test
  void an_old_conversation_outside_the_limit_comes_in_only_with_a_reply_in_the_window() {
    // BEFORE was created at T, a customer replied at T+50, an agent at T+60.
    HistoryCoverage above =
        new HistoryCoverage.DownTo(new HistoryPosition(T.plusSeconds(10), new ConversationId("1")));
    assertEquals(
        new ChangeDecision.OutsideHistory(),
        ChangeTriggers.decide(Optional.empty(), BEFORE, above, T.plusSeconds(61)),
        "tagged, closed or assigned since, no reply");
    assertFalse(ChangeTriggers.decide(Optional.empty(), BEFORE, above, T.plusSeconds(61)).fetch());
    assertEquals(
        new ChangeDecision.New(),
        ChangeTriggers.decide(Optional.empty(), BEFORE, above, T.plusSeconds(60)),
        "an agent's reply at the window's start");
    assertEquals(
        new ChangeDecision.New(),
        ChangeTriggers.decide(Optional.empty(), BEFORE, above, T.plusSeconds(50)),
        "a customer's reply at the window's start");
    HistoryCoverage downToItself =
        new HistoryCoverage.DownTo(new HistoryPosition(T, new ConversationId("215474154263922")));
    assertEquals(
        new ChangeDecision.New(),
        ChangeTriggers.decide(Optional.empty(), BEFORE, downToItself, T.plusSeconds(61)),
        "within the history taken");
    assertEquals(
        new ChangeDecision.New(),
        ChangeTriggers.decide(
            Optional.empty(), BEFORE, new HistoryCoverage.Complete(), T.plusSeconds(61)),
        "no limit left anything out");
  }

  @Test
  void counts_a_first_reply_time_appearing_as_a_reply() {
    ConversationListing none =
        listing(
            T,
            ConversationState.OPEN,
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            "");
    ConversationListing replied =
        bumped(with(none, Optional.of(T.plusSeconds(1)), Optional.of(T.plusSeconds(2))));
    assertEquals(
        new ChangeDecision.Resync(EnumSet.of(Trigger.CUSTOMER_REPLY, Trigger.AGENT_REPLY)),
        ChangeTriggers.decide(stored(none), replied));
  }

  @Test
  void never_lets_a_stale_listing_trigger() {
    ConversationListing stale =
        listing(
            T.plusSeconds(10),
            ConversationState.CLOSED,
            Set.of(),
            Optional.of(T),
            Optional.of(T),
            Optional.empty(),
            false,
            "");
    assertEquals(new ChangeDecision.Unchanged(), ChangeTriggers.decide(stored(BEFORE), stale));
  }

  @Test
  void never_counts_a_reply_time_that_went_back() {
    ConversationListing wentBack = bumped(with(BEFORE, Optional.of(T), Optional.of(T)));
    assertEquals(new ChangeDecision.Unchanged(), ChangeTriggers.decide(stored(BEFORE), wentBack));
  }

  @Test
  void stores_what_the_fetched_conversation_says() {
    SyncedConversation synced =
        SyncedConversation.of(FixtureConversations.tagsCustomAttributesInlineImage());
    assertEquals(Set.of(new TagId("9001"), new TagId("9002")), synced.tagIds());
    assertEquals(ConversationState.SNOOZED, synced.state());
    assertEquals(Optional.of(Instant.ofEpochSecond(1785308000)), synced.lastAdminReplyAt());
    assertEquals(Optional.of(Instant.ofEpochSecond(1785300000)), synced.lastContactReplyAt());
    assertEquals(Instant.ofEpochSecond(1785309000), synced.updatedAt());
  }

  @Test
  void refuses_a_resync_without_a_reason() {
    assertThrows(IllegalArgumentException.class, () -> new ChangeDecision.Resync(Set.of()));
  }

  @Property(tries = 500)
  void an_unchanged_listing_never_triggers(@ForAll("listings") ConversationListing listing) {
    assertEquals(new ChangeDecision.Unchanged(), ChangeTriggers.decide(stored(listing), listing));
  }

  /** What can happen to a conversation between two listings. */
  enum Event {
    CUSTOMER_REPLIED,
    AGENT_REPLIED,
    TAG_ADDED,
    TAG_REMOVED,
    STATE_CHANGED,
    ASSIGNED,
    READ,
    PRIORITY_CHANGED
  }

  /**
   * What each event promises (design §1: a customer reply, an agent reply, a tag added, a status
   * change; a tag removed keeps the flat list true), written as a table: not the rule's
   * comparisons.
   */
  private static final Map<Event, Optional<Trigger>> PROMISED =
      Map.of(
          Event.CUSTOMER_REPLIED, Optional.of(Trigger.CUSTOMER_REPLY),
          Event.AGENT_REPLIED, Optional.of(Trigger.AGENT_REPLY),
          Event.TAG_ADDED, Optional.of(Trigger.TAG_ADDED),
          Event.TAG_REMOVED, Optional.of(Trigger.TAG_REMOVED),
          Event.STATE_CHANGED, Optional.of(Trigger.STATUS_CHANGED),
          Event.ASSIGNED, Optional.empty(),
          Event.READ, Optional.empty(),
          Event.PRIORITY_CHANGED, Optional.empty());

  @Property(tries = 500)
  void each_event_triggers_what_the_promise_names_and_nothing_else(
      @ForAll("listings") ConversationListing listing,
      @ForAll("events") Set<Event> happened,
      @ForAll @IntRange(min = 1, max = 100_000) int secondsLater) {
    ConversationListing before = withATagIfOneIsToGo(listing, happened);
    ConversationListing fresh = after(before, happened, secondsLater);
    Set<Trigger> expected = EnumSet.noneOf(Trigger.class);
    happened.forEach(e -> PROMISED.get(e).ifPresent(expected::add));
    assertEquals(
        expected.isEmpty() ? new ChangeDecision.Unchanged() : new ChangeDecision.Resync(expected),
        ChangeTriggers.decide(stored(before), fresh),
        happened.toString());
  }

  @Property(tries = 500)
  void a_stale_copy_never_triggers_whatever_it_shows(
      @ForAll("listings") ConversationListing listing,
      @ForAll("events") Set<Event> happened,
      @ForAll @IntRange(min = 1, max = 100_000) int secondsLater) {
    ConversationListing older = withATagIfOneIsToGo(listing, happened);
    // What is stored is the newer copy; a lagging listing still shows the older one.
    ConversationListing newer = after(older, happened, secondsLater);
    assertEquals(
        new ChangeDecision.Unchanged(), ChangeTriggers.decide(stored(newer), older), happened + "");
  }

  /** A tag can only be removed from a conversation that has one. */
  private static ConversationListing withATagIfOneIsToGo(ConversationListing l, Set<Event> events) {
    return events.contains(Event.TAG_REMOVED) && l.tagIds().isEmpty()
        ? withTags(l, Set.of("1"))
        : l;
  }

  @Provide
  Arbitrary<Set<Event>> events() {
    return Arbitraries.of(Event.class).set().ofMaxSize(Event.values().length);
  }

  /**
   * The listing after the events, each made so that it really changes what it names: a reply at a
   * time after every earlier one, a tag the conversation did not have, one it had, another state,
   * another assignee, the other read flag, another priority.
   */
  private static ConversationListing after(
      ConversationListing base, Set<Event> events, int secondsLater) {
    Instant at = base.updatedAt().plusSeconds(secondsLater);
    Statistics s = base.statistics();
    Set<String> tags = new TreeSet<>();
    base.tagIds().forEach(t -> tags.add(t.value()));
    if (events.contains(Event.TAG_REMOVED)) {
      tags.remove(tags.iterator().next());
    }
    if (events.contains(Event.TAG_ADDED)) {
      tags.add("added-" + secondsLater);
    }
    ConversationState state =
        events.contains(Event.STATE_CHANGED)
            ? ConversationState.values()[
                (base.state().ordinal() + 1) % ConversationState.values().length]
            : base.state();
    return new ConversationListing(
        base.id(),
        base.createdAt(),
        at,
        state,
        tags.stream().map(TagId::new).collect(java.util.stream.Collectors.toSet()),
        new Statistics(
            s.firstContactReplyAt(),
            events.contains(Event.CUSTOMER_REPLIED) ? Optional.of(at) : s.lastContactReplyAt(),
            events.contains(Event.AGENT_REPLIED) ? Optional.of(at) : s.lastAdminReplyAt()),
        base.deliveredAs(),
        base.sourceAuthorType(),
        events.contains(Event.ASSIGNED)
            ? Optional.of(base.adminAssigneeId().orElse("0") + "9")
            : base.adminAssigneeId(),
        events.contains(Event.READ) != base.read(),
        events.contains(Event.PRIORITY_CHANGED) ? base.priority() + "!" : base.priority());
  }

  @Provide
  Arbitrary<ConversationListing> listings() {
    Arbitrary<Optional<Instant>> times =
        Arbitraries.longs().between(0, 5).map(T::plusSeconds).optional();
    Arbitrary<Set<String>> tags = Arbitraries.of("1", "2", "3").set().ofMaxSize(3);
    return Combinators.combine(
            Arbitraries.of(ConversationState.values()),
            tags,
            times,
            times,
            Arbitraries.of("1", "2").optional(),
            Arbitraries.of(true, false),
            Arbitraries.of("none", "high", "priority"))
        .as(
            (state, tagIds, contact, admin, assignee, read, priority) ->
                listing(
                    T.plusSeconds(10), state, tagIds, contact, admin, assignee, read, priority));
  }

  private static Arguments change(
      String name, UnaryOperator<ConversationListing> change, Trigger... triggers) {
    return Arguments.of(name, change, Set.copyOf(new HashSet<>(java.util.List.of(triggers))));
  }

  private static Optional<SyncedConversation> stored(ConversationListing listing) {
    return Optional.of(SyncedConversation.of(listing));
  }

  private static ConversationListing listing(
      Instant updatedAt,
      ConversationState state,
      Set<String> tags,
      Optional<Instant> lastContact,
      Optional<Instant> lastAdmin,
      Optional<String> assignee,
      boolean read,
      String priority) {
    return new ConversationListing(
        new ConversationId("215474154263922"),
        T,
        updatedAt,
        state,
        tags.stream().map(TagId::new).collect(java.util.stream.Collectors.toSet()),
        new Statistics(Optional.of(T), lastContact, lastAdmin),
        DeliveredAs.CUSTOMER_INITIATED,
        AuthorType.USER,
        assignee,
        read,
        priority);
  }

  private static ConversationListing bumped(ConversationListing l) {
    return copy(
        l,
        l.updatedAt().plusSeconds(1000),
        l.state(),
        l.tagIds(),
        l.statistics(),
        l.adminAssigneeId(),
        l.read(),
        l.priority());
  }

  private static ConversationListing with(
      ConversationListing l, Optional<Instant> contact, Optional<Instant> admin) {
    return copy(
        l,
        l.updatedAt(),
        l.state(),
        l.tagIds(),
        new Statistics(l.statistics().firstContactReplyAt(), contact, admin),
        l.adminAssigneeId(),
        l.read(),
        l.priority());
  }

  private static ConversationListing withTags(ConversationListing l, Set<String> tags) {
    return copy(
        l,
        l.updatedAt(),
        l.state(),
        tags.stream().map(TagId::new).collect(java.util.stream.Collectors.toSet()),
        l.statistics(),
        l.adminAssigneeId(),
        l.read(),
        l.priority());
  }

  private static ConversationListing withState(ConversationListing l, ConversationState state) {
    return copy(
        l,
        l.updatedAt(),
        state,
        l.tagIds(),
        l.statistics(),
        l.adminAssigneeId(),
        l.read(),
        l.priority());
  }

  private static ConversationListing withAssignee(
      ConversationListing l, Optional<String> assignee) {
    return copy(
        l, l.updatedAt(), l.state(), l.tagIds(), l.statistics(), assignee, l.read(), l.priority());
  }

  private static ConversationListing withRead(ConversationListing l, boolean read) {
    return copy(
        l,
        l.updatedAt(),
        l.state(),
        l.tagIds(),
        l.statistics(),
        l.adminAssigneeId(),
        read,
        l.priority());
  }

  private static ConversationListing withPriority(ConversationListing l, String priority) {
    return copy(
        l,
        l.updatedAt(),
        l.state(),
        l.tagIds(),
        l.statistics(),
        l.adminAssigneeId(),
        l.read(),
        priority);
  }

  private static ConversationListing copy(
      ConversationListing l,
      Instant updatedAt,
      ConversationState state,
      Set<TagId> tags,
      Statistics statistics,
      Optional<String> assignee,
      boolean read,
      String priority) {
    return new ConversationListing(
        l.id(),
        l.createdAt(),
        updatedAt,
        state,
        tags,
        statistics,
        l.deliveredAs(),
        l.sourceAuthorType(),
        assignee,
        read,
        priority);
  }
}
