package com.feedbacksync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.simulator.Model.Conversation;
import com.feedbacksync.simulator.Model.Dispute;
import com.feedbacksync.simulator.Model.Part;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulator disagrees with its own statistics on purpose, and the oracle decides from the parts
 * alone: a product that trusts {@code statistics.first_contact_reply_at} gets a different answer.
 */
class DisputesTest {

  private final SimWorkspace workspace =
      new SimWorkspace(
          WorkspaceSpec.of(42, 3000), new MutableClock(Instant.parse("2026-11-27T10:00:03Z")));
  private final Oracle oracle = Oracle.of(workspace);

  @Test
  void a_seeded_share_of_outbound_conversations_carries_each_kind_of_dispute() {
    Map<Dispute, Integer> counts = new EnumMap<>(Dispute.class);
    workspace.conversations().forEach(c -> counts.merge(c.dispute, 1, Integer::sum));
    for (Dispute d : Dispute.values()) {
      assertTrue(counts.getOrDefault(d, 0) >= 10, d + " appears: " + counts);
    }
    int disputed = workspace.conversations().size() - counts.get(Dispute.NONE);
    // One outbound conversation in five, of the 40% that are outbound: about 8% of 3,000.
    assertTrue(disputed > 150 && disputed < 330, "disputed " + disputed);
  }

  @Test
  void the_oracle_decides_each_dispute_from_the_parts_against_the_statistics() {
    Set<String> kept = new HashSet<>(oracle.qualifyingNewestFirst());
    for (Conversation c : workspace.conversations()) {
      boolean claimsAReply = c.firstContactReplyAt != null;
      switch (c.dispute) {
        case PHANTOM_STATISTICS, BLANK_CUSTOMER_COMMENT -> {
          assertTrue(claimsAReply, c.id + " " + c.dispute + ": the statistics claim a reply");
          assertTrue(!kept.contains(c.id), c.id + " " + c.dispute + ": no part shows one");
        }
        case ATTACHMENT_ONLY_REPLY -> {
          assertTrue(!claimsAReply, c.id + ": a file without text is no 'text part'");
          assertTrue(kept.contains(c.id), c.id + ": the customer's file is their reply");
        }
        case REDACTED_REPLY, REOPENING_REPLY ->
            assertTrue(kept.contains(c.id), c.id + " " + c.dispute + ": the customer wrote");
        case NONE -> {}
      }
    }
  }

  @Test
  void the_disputed_part_has_the_shape_its_dispute_names() {
    for (Conversation c : workspace.conversations()) {
      List<Part> customers =
          workspace.parts(c).stream().filter(p -> Model.Part.isCustomer(p.authorType())).toList();
      switch (c.dispute) {
        case ATTACHMENT_ONLY_REPLY -> {
          assertEquals(1, customers.size(), c.id);
          assertEquals("", customers.get(0).body());
          assertEquals(1, customers.get(0).attachments().size());
        }
        case REDACTED_REPLY -> assertTrue(customers.get(0).redacted(), c.id);
        case REOPENING_REPLY -> assertEquals("open", customers.get(0).partType(), c.id);
        case BLANK_CUSTOMER_COMMENT -> {
          assertEquals(1, customers.size(), c.id);
          assertTrue(Texts.isBlankHtml(customers.get(0).body()), c.id);
        }
        case PHANTOM_STATISTICS -> assertEquals(List.of(), customers, c.id);
        case NONE -> {}
      }
    }
  }

  @Test
  void skipped_and_kept_split_every_conversation() {
    Set<String> all = new HashSet<>(oracle.qualifyingNewestFirst());
    all.addAll(oracle.skippedWithoutReply());
    assertEquals(workspace.conversations().size(), all.size());
    assertEquals(
        workspace.conversations().size(),
        oracle.qualifyingNewestFirst().size() + oracle.skippedWithoutReply().size());
  }
}
