package com.feedbacksync.adapters.intercom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.InMemoryAccounts;
import com.feedbacksync.application.fakes.InMemoryConnections;
import com.feedbacksync.application.fakes.InMemorySyncRuns;
import com.feedbacksync.application.fakes.InMemorySyncStore;
import com.feedbacksync.application.model.AccessToken;
import com.feedbacksync.application.model.Connection;
import com.feedbacksync.application.model.ConnectionState;
import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.model.LeaseToken;
import com.feedbacksync.application.model.SyncKind;
import com.feedbacksync.application.model.SyncOutcome;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.application.sync.DeadLetterBackoff;
import com.feedbacksync.application.sync.DocumentMappings;
import com.feedbacksync.application.sync.Fetchers;
import com.feedbacksync.application.sync.HistoryParts;
import com.feedbacksync.application.sync.SyncService;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.DocumentMapping;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import com.feedbacksync.domain.profile.CustomerProfile;
import com.feedbacksync.domain.profile.ProfileMapping;
import com.feedbacksync.domain.sync.HistoryCoverage;
import com.feedbacksync.domain.sync.PlanLimits;
import com.feedbacksync.simulator.Counters;
import com.feedbacksync.simulator.FirstSyncFloor;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A first sync with customer profiles, the engine's own walk through this adapter against the
 * simulator (no server, no database): its Intercom calls against the floor the simulator works out
 * from its own records, and every stored profile equal to one fetched contact by contact, the way
 * profiles were fetched before they were batched.
 */
class FirstSyncProfileCallsTest {

  private static final AccountId ACCOUNT = new AccountId("calls");

  /**
   * 600 in the test suite (four pages, more customers than one contact search holds); {@code
   * -Dcalls.conversations=10000} measures the benchmark's size without a server.
   */
  private static final int CONVERSATIONS = Integer.getInteger("calls.conversations", 600);

  @Test
  void a_first_sync_makes_at_most_five_percent_more_calls_than_the_floor_and_the_same_profiles()
      throws Exception {
    try (IntercomSimulator sim =
        IntercomSimulator.start(SimulatorConfig.defaults(11, CONVERSATIONS).withRatePerMinute(0))) {
      IntercomSettings settings =
          IntercomSettings.forIntercom(
                  "sim-client", "sim-client-secret", URI.create("http://localhost/cb"))
              .pointedAt(sim.baseUri());
      InMemorySyncStore store = new InMemorySyncStore();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        SyncOutcome outcome = firstSync(sim, settings, store, pool);
        assertInstanceOf(SyncOutcome.Completed.class, outcome, outcome.toString());
      } finally {
        pool.shutdownNow();
      }
      Counters calls = sim.counters();
      FirstSyncFloor floor = sim.firstSyncFloor();
      long kept = floor.kept();
      System.out.printf(
          "first sync of %d conversations, %d kept: %d calls = %.3f per kept; floor %s;"
              + " %.3f x the floor; by endpoint %s%n",
          CONVERSATIONS,
          kept,
          calls.apiCalls(),
          calls.apiCalls() / (double) kept,
          floor,
          calls.apiCalls() / (double) floor.total(),
          calls.callsByEndpoint());

      Map<ContactId, CustomerProfile> stored = store.data(ACCOUNT).profiles;
      assertEquals(floor.customers(), stored.size(), "one profile per distinct customer");
      assertSameProfilesAsContactByContact(settings, stored);
      assertTrue(
          calls.apiCalls() <= 1.05 * floor.total(),
          calls.apiCalls() + " calls against a floor of " + floor.total() + ": " + floor);
    }
  }

  private static SyncOutcome firstSync(
      IntercomSimulator sim,
      IntercomSettings settings,
      InMemorySyncStore store,
      ExecutorService pool) {
    InMemoryConnections connections = new InMemoryConnections();
    connections.save(
        new Connection(
            ACCOUNT,
            new Workspace(new WorkspaceId(sim.config().appId()), "Calls", Region.US),
            new AccessToken("sim-token"),
            ConnectionState.CONNECTED,
            "test",
            Instant.now(),
            new HistoryCoverage.NotYet(),
            Optional.empty()));
    SyncService engine =
        new SyncService(
            new InMemoryAccounts().with(new Account(ACCOUNT, "Calls", Plan.PAID)),
            connections,
            JdkIntercom.workspaces(settings),
            store,
            PlanLimits.DEFAULT,
            DocumentMappings.always(new DocumentMapping(MappingSettings.DEFAULT)),
            Clock.systemUTC(),
            (conversation, file) -> "/f/" + file,
            new InMemorySyncRuns(),
            new Fetchers(pool, 8),
            HistoryParts.DEFAULT,
            DeadLetterBackoff.DEFAULT);
    return engine.run(ACCOUNT, SyncKind.FIRST, new LeaseToken(ACCOUNT, "sync", "test", 1));
  }

  /**
   * The oracle of the profiles' data: each customer fetched alone, its contact, segments and
   * companies by their own endpoints, mapped by the domain's rule.
   */
  private static void assertSameProfilesAsContactByContact(
      IntercomSettings settings, Map<ContactId, CustomerProfile> stored) {
    IntercomWorkspace intercom =
        JdkIntercom.workspaces(settings)
            .open(
                new IntercomAccess(
                    new WorkspaceId("abc12345"), Region.US, new AccessToken("sim-token")));
    int compared = 0;
    for (ContactId id : stored.keySet()) {
      Contact contact = intercom.contact(id).orElseThrow();
      CustomerProfile alone =
          ProfileMapping.map(
              new WorkspaceId("abc12345"),
              contact,
              intercom.companiesOf(id),
              intercom.segmentsOf(id));
      assertEquals(alone, stored.get(id), "the profile of " + id);
      compared++;
    }
    assertTrue(compared > 100, "compared " + compared + " profiles");
  }
}
