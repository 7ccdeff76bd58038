package com.feedbacksync.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.feedbacksync.domain.intercom.Author;
import com.feedbacksync.domain.intercom.AuthorType;
import com.feedbacksync.domain.intercom.PartId;
import com.feedbacksync.domain.intercom.TagId;
import com.feedbacksync.domain.sync.FlatTag;
import com.feedbacksync.domain.sync.TagProvenance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A list reads only the tags' names from the stored column: exactly the names written, in order,
 * never an author's name from inside a tag's provenance.
 */
class TagNamesColumnTest {

  private static final Instant AT = Instant.parse("2026-11-30T09:15:00Z");

  private static TagProvenance by(String author) {
    return new TagProvenance(
        Optional.of(new PartId("p-1")),
        Optional.of(AT),
        Optional.of(Author.of(AuthorType.ADMIN, "a-1", author, "ana@example.com")));
  }

  private static FlatTag tag(String id, String name, TagProvenance... provenance) {
    return new FlatTag(new TagId(id), name, List.of(provenance));
  }

  static Stream<Arguments> columns() {
    return Stream.of(
        Arguments.of("no tags", List.of()),
        Arguments.of(
            "authors named in the provenance",
            List.of(tag("1", "Bug", by("Ana"), by("Ben")), tag("2", "Pricing", by("Cy")))),
        Arguments.of(
            "names that look like JSON or keys",
            List.of(
                tag("1", "name", by("name")),
                tag("2", "\"name\": \"x\" }, {", by("}]")),
                tag("3", "Ünïcödé ✓ 🎉", by("Zoë")))),
        Arguments.of(
            "an unattributed provenance",
            List.of(
                tag(
                    "1",
                    "Onboarding",
                    new TagProvenance(Optional.empty(), Optional.empty(), Optional.empty())))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("columns")
  void reads_back_exactly_the_tag_names_written(String title, List<FlatTag> tags) {
    assertEquals(
        tags.stream().map(FlatTag::name).toList(),
        JsonColumns.readTagNames(JsonColumns.tags(tags)));
  }
}
