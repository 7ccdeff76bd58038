package com.feedbacksync.domain.sync;

import static com.feedbacksync.domain.testing.ConversationBuilder.admin;
import static com.feedbacksync.domain.testing.ConversationBuilder.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.PartId;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.testing.FixtureConversations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TagFlatteningTest {

  private static final Author DANA = Author.of(AuthorType.ADMIN, "7301245", null, null);

  @Test
  void merges_conversation_and_part_tags_of_the_fixture_into_one_list_keeping_provenance() {
    List<FlatTag> flat =
        TagFlattening.flatten(FixtureConversations.tagsCustomAttributesInlineImage());

    assertEquals(List.of("bug", "feature-area: charts"), flat.stream().map(FlatTag::name).toList());
    FlatTag bug = flat.get(0);
    assertEquals(
        List.of(
            new TagProvenance(
                Optional.empty(),
                Optional.of(Instant.ofEpochSecond(1785300900)),
                Optional.of(DANA)),
            new TagProvenance(
                Optional.of(new PartId("31890002002")), Optional.empty(), Optional.empty())),
        bug.provenance());
    assertTrue(bug.provenance().get(0).onConversation());
    org.junit.jupiter.api.Assertions.assertFalse(bug.provenance().get(1).onConversation());
    assertEquals(1, flat.get(1).provenance().size());
  }

  @Test
  void gives_an_untagged_conversation_no_tags() {
    assertEquals(List.of(), TagFlattening.flatten(FixtureConversations.userInitiatedWithReplies()));
  }

  @Test
  void keeps_a_tag_applied_only_to_a_part() {
    Conversation conversation =
        conversation()
            .part(
                "comment",
                admin("1"),
                "<p>x</p>",
                List.of(),
                List.of(Tag.named("7", "pricing")),
                false)
            .build();
    List<FlatTag> flat = TagFlattening.flatten(conversation);
    assertEquals(1, flat.size());
    assertEquals(new TagId("7"), flat.get(0).id());
    assertEquals(Optional.of(new PartId("31890000001")), flat.get(0).provenance().get(0).part());
  }

  @Test
  void lists_one_tag_applied_on_many_parts_once_with_each_place() {
    Tag pricing = Tag.named("7", "pricing");
    Conversation conversation =
        conversation()
            .part("comment", admin("1"), "a", List.of(), List.of(pricing), false)
            .part("comment", admin("1"), "b", List.of(), List.of(pricing), false)
            .part("note", admin("1"), "c", List.of(), List.of(pricing, pricing), false)
            .build();
    List<FlatTag> flat = TagFlattening.flatten(conversation);
    assertEquals(1, flat.size());
    assertEquals(
        List.of("31890000001", "31890000002", "31890000003"),
        flat.get(0).provenance().stream().map(p -> p.part().orElseThrow().value()).toList());
  }

  @Test
  void orders_tags_by_name_ignoring_case_then_by_id() {
    List<TagOccurrence> occurrences =
        List.of(
            onConversation(Tag.named("3", "beta")),
            onConversation(Tag.named("1", "Alpha")),
            onConversation(Tag.named("4", "alpha")),
            onConversation(Tag.named("2", "Beta")));
    assertEquals(
        List.of("1", "4", "2", "3"),
        TagFlattening.flatten(occurrences).stream().map(t -> t.id().value()).toList());
  }

  @Test
  void orders_part_provenance_numerically_by_part_id() {
    Tag t = Tag.named("1", "x");
    List<TagOccurrence> occurrences =
        List.of(onPart(t, "100"), onPart(t, "20"), onPart(t, "3"), onConversation(t));
    assertEquals(
        List.of("", "3", "20", "100"),
        TagFlattening.flatten(occurrences).get(0).provenance().stream()
            .map(p -> p.part().map(PartId::value).orElse(""))
            .toList());
  }

  @Test
  void takes_a_renamed_tags_name_from_its_conversation_level_occurrence() {
    List<TagOccurrence> occurrences =
        List.of(
            onPart(Tag.named("1", "old name"), "5"), onConversation(Tag.named("1", "new name")));
    assertEquals("new name", TagFlattening.flatten(occurrences).get(0).name());
  }

  @Test
  void refuses_a_flat_tag_that_was_applied_nowhere() {
    assertThrows(IllegalArgumentException.class, () -> new FlatTag(new TagId("1"), "x", List.of()));
  }

  @Property(tries = 300)
  void flattening_is_idempotent(@ForAll("occurrenceLists") List<TagOccurrence> occurrences) {
    List<FlatTag> once = TagFlattening.flatten(occurrences);
    assertEquals(once, TagFlattening.flatten(TagFlattening.occurrences(once)));
  }

  @Property(tries = 300)
  void flattening_does_not_depend_on_input_order(
      @ForAll("occurrenceLists") List<TagOccurrence> occurrences, @ForAll long seed) {
    List<TagOccurrence> shuffled = new ArrayList<>(occurrences);
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(TagFlattening.flatten(occurrences), TagFlattening.flatten(shuffled));
  }

  @Property(tries = 300)
  void every_tag_appears_once_and_none_is_lost(
      @ForAll("occurrenceLists") List<TagOccurrence> occurrences) {
    List<TagId> flatIds = TagFlattening.flatten(occurrences).stream().map(FlatTag::id).toList();
    assertEquals(flatIds.stream().distinct().count(), flatIds.size());
    assertEquals(
        occurrences.stream()
            .map(o -> o.tag().id())
            .distinct()
            .sorted(java.util.Comparator.comparing(TagId::value))
            .toList(),
        flatIds.stream().sorted(java.util.Comparator.comparing(TagId::value)).toList());
  }

  @Provide
  Arbitrary<List<TagOccurrence>> occurrenceLists() {
    Arbitrary<String> ids = Arbitraries.of("1", "2", "3", "4", "5");
    Arbitrary<String> names = Arbitraries.of("bug", "Bug", "pricing", "ux");
    Arbitrary<Optional<Instant>> times =
        Arbitraries.longs()
            .between(1_700_000_000L, 1_700_000_010L)
            .map(Instant::ofEpochSecond)
            .optional();
    Arbitrary<Optional<Author>> appliers =
        Arbitraries.of("10", "11")
            .map(id -> Author.of(AuthorType.ADMIN, id, null, null))
            .optional();
    Arbitrary<Optional<PartId>> parts = Arbitraries.of("7", "8", "70").map(PartId::new).optional();
    return Combinators.combine(ids, names, times, appliers, parts)
        .as(
            (id, name, time, by, part) ->
                new TagOccurrence(new Tag(new TagId(id), name, time, by), part))
        .list()
        .ofMaxSize(12);
  }

  private static TagOccurrence onConversation(Tag tag) {
    return new TagOccurrence(tag, Optional.empty());
  }

  private static TagOccurrence onPart(Tag tag, String part) {
    return new TagOccurrence(tag, Optional.of(new PartId(part)));
  }

  @Test
  void orders_provenance_of_one_place_by_time_then_by_who_applied_it() {
    Instant t1 = Instant.ofEpochSecond(1);
    Instant t2 = Instant.ofEpochSecond(2);
    Author adminA = Author.of(AuthorType.ADMIN, "1", "Ann", "ann@x.example");
    Author adminB = Author.of(AuthorType.ADMIN, "1", "Ann", "bob@x.example");
    Author adminC = Author.of(AuthorType.ADMIN, "1", "Cid", null);
    Author botA = Author.of(AuthorType.BOT, "1", null, null);
    Author admin2 = Author.of(AuthorType.ADMIN, "2", null, null);
    List<Optional<Author>> expected =
        List.of(
            Optional.empty(),
            Optional.of(adminA),
            Optional.of(adminB),
            Optional.of(adminC),
            Optional.of(admin2),
            Optional.of(botA));
    List<TagOccurrence> occurrences = new ArrayList<>();
    for (Optional<Author> by : expected) {
      occurrences.add(
          0,
          new TagOccurrence(new Tag(new TagId("1"), "x", Optional.of(t2), by), Optional.empty()));
    }
    occurrences.add(
        new TagOccurrence(
            new Tag(new TagId("1"), "x", Optional.of(t1), Optional.of(botA)), Optional.empty()));
    List<TagProvenance> provenance = TagFlattening.flatten(occurrences).get(0).provenance();
    assertEquals(Optional.of(t1), provenance.get(0).appliedAt());
    assertEquals(
        expected,
        provenance.subList(1, provenance.size()).stream().map(TagProvenance::appliedBy).toList());
  }

  @Test
  void picks_the_alphabetically_first_name_when_one_place_shows_two() {
    List<TagOccurrence> occurrences =
        List.of(onConversation(Tag.named("1", "zeta")), onConversation(Tag.named("1", "alpha")));
    assertEquals("alpha", TagFlattening.flatten(occurrences).get(0).name());
  }
}
