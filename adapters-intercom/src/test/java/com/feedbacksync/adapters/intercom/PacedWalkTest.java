package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.ConversationFetch;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.domain.intercom.ConversationListing;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.sync.ReplyRequiredFilter;
import com.feedbacksync.simulator.Counters;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import com.feedbacksync.simulator.WorkspaceSpec;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The adapter's promise, measured: a 10,000-conversation workspace (30% outbound without reply) is
 * listed and fetched through the ports with at most 1.01 calls per kept conversation, and with no
 * 429 under a rate budget the run actually hits. Prints its figures.
 */
@Tag("slow")
class PacedWalkTest {

  private static final int CONVERSATIONS = 10_000;
  private static final long PER_MINUTE = 12_000; // 2,000 per 10-second window

  @Test
  void walks_ten_thousand_conversations_within_the_budget_at_about_one_call_each()
      throws Exception {
    SimulatorConfig config =
        SimulatorConfig.defaults(2026, CONVERSATIONS)
            .withRatePerMinute(PER_MINUTE)
            .withWorkspace(WorkspaceSpec.of(2026, CONVERSATIONS).withShares(0.10, 0.30));
    try (IntercomSimulator sim = IntercomSimulator.start(config)) {
      IntercomSettings settings =
          IntercomSettings.forIntercom(
                  "sim-client", "sim-client-secret", URI.create("http://localhost/cb"))
              .pointedAt(sim.baseUri());
      IntercomWorkspace intercom =
          new IntercomRestWorkspaces(settings, new JdkIntercomHttp(), Clock.systemUTC())
              .open(
                  new IntercomAccess(
                      new WorkspaceId("abc12345"), Region.US, new AccessToken("sim-token")));
      ReplyRequiredFilter filter = new ReplyRequiredFilter();
      Set<String> kept = new ConcurrentSkipListSet<>();
      ExecutorService fetchers = Executors.newFixedThreadPool(4);
      long started = System.nanoTime();
      try {
        Optional<PageCursor> cursor = Optional.empty();
        List<Future<?>> fetches = new ArrayList<>();
        do {
          Page<ConversationListing> page =
              intercom.conversationsNewestFirst(Optional.empty(), cursor);
          for (ConversationListing listing : page.items()) {
            fetches.add(
                fetchers.submit(
                    () -> {
                      if (intercom.conversation(listing.id())
                              instanceof ConversationFetch.Found found
                          && filter.judge(found.conversation()).kept()) {
                        kept.add(listing.id().value());
                      }
                    }));
          }
          cursor = page.next();
        } while (cursor.isPresent());
        for (Future<?> f : fetches) {
          f.get();
        }
      } finally {
        fetchers.shutdown();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Counters counters = sim.counters();
      double callsPerKept = (double) counters.apiCalls() / kept.size();
      System.out.printf(
          "paced walk: %d kept of %d, %d calls = %.4f per kept conversation, %d 429s,"
              + " busiest window %d of %d, %d pacing waits, %.1f s%n",
          kept.size(),
          CONVERSATIONS,
          counters.apiCalls(),
          callsPerKept,
          counters.rateLimited(),
          counters.busiestWindow(),
          counters.windowBudget(),
          intercom.callCounts().rateLimitWaits(),
          seconds);

      assertEquals(new TreeSet<>(sim.oracle().qualifyingNewestFirst()), new TreeSet<>(kept));
      // The floor, from the oracle alone: every conversation is listed (its parts decide, not its
      // statistics) and retrieved once, 150 to a search page.
      int listed =
          sim.oracle().qualifyingNewestFirst().size() + sim.oracle().skippedWithoutReply().size();
      long floor = listed + (listed + 149) / 150;
      System.out.printf(
          "paced walk floor: %d conversations + %d pages = %d calls; ratio %.4f%n",
          listed, (listed + 149) / 150, floor, (double) counters.apiCalls() / floor);
      assertTrue(
          counters.apiCalls() <= 1.01 * floor,
          "calls " + counters.apiCalls() + " against a floor of " + floor);
      assertEquals(0, counters.rateLimited(), "no 429 in steady state");
      assertEquals(
          counters.windowBudget(),
          counters.busiestWindow(),
          "the run used a whole window's budget");
      assertTrue(intercom.callCounts().rateLimitWaits() > 0, "and waited for the next window");
    }
  }
}
