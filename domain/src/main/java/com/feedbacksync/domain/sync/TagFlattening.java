package com.feedbacksync.domain.sync;

import com.feedbacksync.domain.intercom.Conversation;
import com.feedbacksync.domain.intercom.Part;
import com.feedbacksync.domain.intercom.Tag;
import com.feedbacksync.domain.intercom.TagId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Intercom tags individual messages; a document shows one flat list per conversation: the
 * conversation's tags plus every part's, each tag once (by id), ordered by name. Unlike other
 * integrations, it keeps where each tag was applied, by whom and when.
 *
 * <p>The result depends only on the set of occurrences, never on their order, and flattening a flat
 * list again changes nothing.
 */
public final class TagFlattening {

  private static final Comparator<FlatTag> BY_NAME_THEN_ID =
      Comparator.comparing((FlatTag t) -> t.name().toLowerCase(Locale.ROOT))
          .thenComparing(FlatTag::name)
          .thenComparing(t -> t.id().value());

  private TagFlattening() {}

  public static List<FlatTag> flatten(Conversation conversation) {
    return flatten(occurrences(conversation));
  }

  public static List<FlatTag> flatten(Collection<TagOccurrence> occurrences) {
    Map<TagId, List<TagOccurrence>> byId =
        occurrences.stream()
            .collect(
                Collectors.groupingBy(o -> o.tag().id(), LinkedHashMap::new, Collectors.toList()));
    List<FlatTag> flat = new ArrayList<>(byId.size());
    byId.forEach((id, same) -> flat.add(merge(id, same)));
    flat.sort(BY_NAME_THEN_ID);
    return List.copyOf(flat);
  }

  /** Every tag of the conversation where it stands: conversation-level, then part by part. */
  public static List<TagOccurrence> occurrences(Conversation conversation) {
    List<TagOccurrence> all = new ArrayList<>();
    conversation.tags().forEach(t -> all.add(new TagOccurrence(t, Optional.empty())));
    for (Part part : conversation.parts()) {
      part.tags().forEach(t -> all.add(new TagOccurrence(t, Optional.of(part.id()))));
    }
    return all;
  }

  /** The occurrences a flat list stands for, so a flat list can be flattened again. */
  public static List<TagOccurrence> occurrences(List<FlatTag> flat) {
    List<TagOccurrence> all = new ArrayList<>();
    for (FlatTag tag : flat) {
      for (TagProvenance p : tag.provenance()) {
        all.add(
            new TagOccurrence(
                new Tag(tag.id(), tag.name(), p.appliedAt(), p.appliedBy()), p.part()));
      }
    }
    return all;
  }

  private static FlatTag merge(TagId id, List<TagOccurrence> same) {
    TreeSet<TagProvenance> provenance = new TreeSet<>(TagProvenance.ORDER);
    same.forEach(o -> provenance.add(o.provenance()));
    // A renamed tag can show two names; the earliest-placed occurrence's name wins, ties by
    // name, so the choice never depends on input order.
    String name =
        same.stream()
            .min(
                Comparator.comparing(TagOccurrence::provenance, TagProvenance.ORDER)
                    .thenComparing(o -> o.tag().name()))
            .orElseThrow()
            .tag()
            .name();
    return new FlatTag(id, name, List.copyOf(provenance));
  }
}
