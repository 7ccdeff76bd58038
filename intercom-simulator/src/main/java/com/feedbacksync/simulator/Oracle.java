package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Model.AppliedTag;
import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Model.Part;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a correct sync of the workspace holds, worked out from the simulator's own records and never
 * from the product's code: the conversations a customer wrote in (newest first by creation, so a
 * Start plan's first sync is the first N), those skipped, the flat tags of each, and the deleted.
 *
 * @param flatTagIds per kept conversation, its conversation tag ids and those of the parts the API
 *     shows (the most recent 500), once each, sorted
 * @param truncatedByIntercom per kept conversation longer than the API shows: how many parts it has
 *     and how many the API returns (500); its document must say it was cut short
 */
public record Oracle(
    List<String> qualifyingNewestFirst,
    List<String> skippedWithoutReply,
    Map<String, List<String>> flatTagIds,
    List<String> deleted,
    int contacts,
    int companies,
    Map<String, PartCounts> truncatedByIntercom) {

  /** How many parts a conversation has, and how many the API returns of them. */
  public record PartCounts(int reported, int returned) {}

  static Oracle of(SimWorkspace workspace) {
    List<Conversation> kept = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, List<String>> tags = new TreeMap<>();
    Map<String, PartCounts> truncated = new TreeMap<>();
    for (Conversation c : workspace.conversations()) {
      List<Part> parts = workspace.parts(c);
      boolean customerWrote = c.customerOpened() || parts.stream().anyMatch(Part::isCustomerWords);
      if (!customerWrote) {
        skipped.add(c.id);
        continue;
      }
      kept.add(c);
      TreeSet<String> ids =
          new TreeSet<>(Comparator.comparingInt(String::length).thenComparing(s -> s));
      c.tags.stream().map(AppliedTag::id).forEach(ids::add);
      // Only the parts the API shows (the most recent 500) can carry tags a sync can see.
      ConversationRender.shown(parts).forEach(p -> p.tags().forEach(t -> ids.add(t.id())));
      if (parts.size() > ConversationRender.PART_CAP) {
        truncated.put(c.id, new PartCounts(parts.size(), ConversationRender.PART_CAP));
      }
      tags.put(c.id, List.copyOf(ids));
    }
    kept.sort(
        Comparator.comparingLong((Conversation c) -> c.createdAt)
            .thenComparingLong(c -> Long.parseLong(c.id))
            .reversed());
    return new Oracle(
        kept.stream().map(c -> c.id).toList(),
        skipped,
        tags,
        workspace.deletedConversations().stream().map(SimWorkspace.Deleted::id).toList(),
        workspace.contacts().size(),
        workspace.companies().size(),
        truncated);
  }

  ObjectNode toJson() {
    ObjectNode o = Render.object();
    ArrayNode q = o.putArray("qualifying_newest_first");
    qualifyingNewestFirst.forEach(q::add);
    ArrayNode s = o.putArray("skipped_without_reply");
    skippedWithoutReply.forEach(s::add);
    ObjectNode t = o.putObject("flat_tag_ids");
    flatTagIds.forEach(
        (id, ids) -> {
          ArrayNode a = t.putArray(id);
          ids.forEach(a::add);
        });
    ArrayNode d = o.putArray("deleted");
    deleted.forEach(d::add);
    o.put("contacts", contacts);
    o.put("companies", companies);
    ObjectNode cut = o.putObject("truncated_by_intercom");
    truncatedByIntercom.forEach(
        (id, counts) -> {
          ObjectNode n = cut.putObject(id);
          n.put("parts_reported", counts.reported());
          n.put("parts_returned", counts.returned());
        });
    return o;
  }
}
