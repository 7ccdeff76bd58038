package com.feedbacksync.adapters.web.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.adapters.web.support.ItDeployments;
import com.feedbacksync.adapters.web.support.PortAccounts;
import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.application.port.in.ConnectIntercomUseCase;
import com.feedbacksync.application.port.in.ScheduleSyncsUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.Counters;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.Oracle;
import com.feedbacksync.simulator.SimulatorConfig;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sync engine as the server wires it (CDI, Hibernate, MariaDB, the MicroProfile REST Client)
 * against the simulator: a first sync, then changes in Intercom and an hourly sync; the stored
 * documents are exactly the oracle's, and the token is never stored in the clear.
 */
@ExtendWith(ArquillianExtension.class)
class SyncOnLibertyIT {

  @Inject ScheduleSyncsUseCase scheduler;
  @Inject ConnectIntercomUseCase connecting;
  @Inject Accounts accounts;

  @Resource(lookup = "jdbc/feedbacksync")
  DataSource db;

  @Deployment
  static WebArchive war() {
    return ItDeployments.warWithSimulator("feedback-sync-sync-it.war")
        .addClasses(SyncOnLibertyIT.class, PortAccounts.class, TestAccounts.class);
  }

  @Test
  void syncs_a_workspace_first_then_hourly_to_exactly_the_oracles_documents() throws Exception {
    try (IntercomSimulator sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(8, 400).withRatePerMinute(0).withPort(simulatorPort()))) {
      AccountId account = new AccountId("sync-" + UUID.randomUUID().toString().substring(0, 8));
      PortAccounts.create(accounts, new Account(account, "Sync IT", Plan.PAID));
      Optional<String> firstRun = connect(sim, account);
      RunRow first = awaitRun(account, firstRun, "FIRST");
      assertEquals("COMPLETED", first.state(), first.toString());
      Oracle oracle = sim.oracle();
      assertEquals(new TreeSet<>(oracle.qualifyingNewestFirst()), documents(account, false));
      Counters counters = sim.counters();
      System.out.println(
          String.format(
              "first sync on Liberty: %d documents, %d skipped without reply, %d calls (%d conversation retrieves)",
              first.kept(),
              oracle.skippedWithoutReply().size(),
              counters.apiCalls(),
              counters.calls("GET /conversations/{id}")));
      // From the oracle, not the run's own counts: every conversation is listed and retrieved once
      // (its parts decide whether a customer wrote, not its statistics).
      assertEquals(
          oracle.qualifyingNewestFirst().size() + oracle.skippedWithoutReply().size(),
          counters.calls("GET /conversations/{id}"),
          "one retrieve per conversation");

      // Every kind of change Intercom can see, each on its own conversation.
      String replied = oracle.qualifyingNewestFirst().get(5);
      sim.customerReplies(replied);
      String answered = oracle.qualifyingNewestFirst().get(7);
      sim.agentReplies(answered);
      String goneCustomer = customerOf(account, answered);
      sim.deleteContact(goneCustomer);
      String tagged = oracle.qualifyingNewestFirst().get(8);
      String newTag =
          java.util.stream.IntStream.rangeClosed(9001, 9020)
              .mapToObj(String::valueOf)
              .filter(t -> !oracle.flatTagIds().get(tagged).contains(t))
              .findFirst()
              .orElseThrow();
      sim.addTag(tagged, newTag);
      String moved = oracle.qualifyingNewestFirst().get(9);
      String newState = status(account, moved).equals("CLOSED") ? "open" : "closed";
      sim.changeState(moved, newState);
      String assigned = oracle.qualifyingNewestFirst().get(10);
      sim.assign(assigned, "7301248");
      String gone = oracle.qualifyingNewestFirst().get(6);
      sim.deleteConversation(gone);
      String fresh = sim.newConversation("customer");
      sim.newConversation("outbound-silent");
      sim.resetCounters();

      // The timer may be running a sync of its own: "sync now" then waits for the lease.
      Optional<String> hourlyRun = Optional.empty();
      for (int i = 0; i < 300 && hourlyRun.isEmpty(); i++) {
        hourlyRun = scheduler.syncNow(account);
        if (hourlyRun.isEmpty()) {
          Thread.sleep(100);
        }
      }
      assertTrue(hourlyRun.isPresent(), "the lease came free");
      RunRow hourly = awaitRun(account, hourlyRun, "HOURLY");
      assertEquals("COMPLETED", hourly.state(), hourly.toString());
      assertEquals(new TreeSet<>(sim.oracle().qualifyingNewestFirst()), documents(account, false));
      assertEquals(Set.of(gone), documents(account, true));
      Counters hourlyCalls = sim.counters();
      System.out.println(
          String.format(
              "hourly sync on Liberty after 8 changes: %d re-synced, %d new, %d unchanged, %d"
                  + " deleted; %d calls (%s)",
              hourly.resynced(),
              hourly.kept(),
              hourly.unchanged(),
              hourly.deleted(),
              hourlyCalls.apiCalls(),
              hourlyCalls));
      // The new silent outbound conversation is retrieved too: its parts, not its statistics,
      // decide that nobody answered it (and it is not stored: the documents equal the oracle's).
      assertEquals(
          6,
          hourlyCalls.calls("GET /conversations/{id}"),
          "customer reply, agent reply, tag, status, the two new conversations; not the assignment");
      assertEquals(1, hourlyCalls.calls("POST /conversations/search"), "one page of changes");
      assertEquals(1, hourlyCalls.calls("GET /conversations/deleted"));
      assertEquals(4, hourly.resynced());
      assertEquals(1, hourly.kept(), "the new conversation");
      assertEquals(1, hourly.unchanged(), "the assignment cost nothing");
      assertEquals(1, hourly.deleted());
      assertEquals(newState.toUpperCase(java.util.Locale.ROOT), status(account, moved));
      assertTrue(documents(account, false).contains(fresh));
      assertEquals(
          1,
          count(
              "SELECT COUNT(*) FROM customer_profile WHERE account_id = ? AND deleted_at IS NOT NULL"
                  + " AND contact_id = '"
                  + goneCustomer
                  + "'",
              account),
          "the deleted customer's profile is a tombstone");
      // Every conversation is judged on the way, so progress counts all of them (the oracle's).
      assertEquals(
          (long) oracle.qualifyingNewestFirst().size() + oracle.skippedWithoutReply().size(),
          count(
              "SELECT MAX(progress_total) FROM sync_run WHERE account_id = ? AND kind = 'FIRST'",
              account),
          "the first sync's progress counted every conversation it judged");

      assertFalse(tokenColumn(account).contains("dG9rOj"), "the token is stored encrypted");
      assertTrue(
          count("SELECT COUNT(*) FROM document_file WHERE account_id = ?", account) > 0,
          "files were kept");
      assertEquals(
          0,
          count(
              "SELECT COUNT(*) FROM feedback_document WHERE account_id = ? AND messages_json LIKE '%/i/o/%'",
              account),
          "no document still points at Intercom's expiring links");
    }
  }

  /**
   * The daily sync on the server (issue #18, item 4): a company renamed while none of its contacts
   * changed reaches every profile of its contacts in the next daily run, and a contact's new
   * segment reaches its profile, while another client holds the workspace's one companies scroll.
   * Expected names and segments are read from the simulator.
   */
  @Test
  void the_next_daily_run_brings_a_company_only_change_and_a_segment_change_to_the_profiles()
      throws Exception {
    try (IntercomSimulator sim =
        IntercomSimulator.start(
            SimulatorConfig.defaults(18, 200).withRatePerMinute(0).withPort(simulatorPort()))) {
      AccountId account = new AccountId("daily-" + UUID.randomUUID().toString().substring(0, 8));
      PortAccounts.create(accounts, new Account(account, "Sync IT", Plan.PAID));
      Instant connectedAt = Instant.now();
      assertEquals("COMPLETED", awaitRun(account, connect(sim, account), "FIRST").state());
      RunRow firstDaily = tickUntilRun(account, "CUSTOMERS", connectedAt);
      assertEquals("COMPLETED", firstDaily.state(), firstDaily.toString());

      // From the simulator: a company with contacts, and a contact outside it with a segment to
      // join.
      SimReader intercom = new SimReader(sim);
      String company = null;
      for (String contact : sim.contactIds()) {
        JsonArray companies =
            intercom.get("/contacts/" + contact).getJsonObject("companies").getJsonArray("data");
        if (!companies.isEmpty()) {
          company = companies.getJsonObject(0).getString("id");
          break;
        }
      }
      assertTrue(company != null, "the workspace has a contact in a company");
      Set<String> members = new TreeSet<>();
      intercom
          .get("/companies/" + company + "/contacts?per_page=150")
          .getJsonArray("data")
          .forEach(c -> members.add(c.asJsonObject().getString("id")));
      String outsider =
          sim.contactIds().stream().filter(c -> !members.contains(c)).findFirst().orElseThrow();
      String segment = null;
      for (String contact : sim.contactIds()) {
        JsonArray in = intercom.get("/contacts/" + contact + "/segments").getJsonArray("data");
        if (!in.isEmpty()) {
          segment = in.getJsonObject(0).getString("id");
          break;
        }
      }
      assertTrue(segment != null, "the workspace has segments");
      Set<String> segmentsBefore = segments(account, outsider);

      String newName = "Renamed-" + company.substring(0, 6);
      sim.renameCompany(company, newName);
      sim.toggleSegment(outsider, segment);
      Set<String> outsiderSegments = new TreeSet<>();
      intercom
          .get("/contacts/" + outsider + "/segments")
          .getJsonArray("data")
          .forEach(s -> outsiderSegments.add(s.asJsonObject().getString("name")));
      assertFalse(outsiderSegments.equals(segmentsBefore), "the contact joined or left one");
      assertEquals(200, intercom.status("/companies/scroll"), "another client opens the scroll");
      sim.resetCounters();
      // A day passes for the scheduler.
      update(
          "UPDATE sync_run SET started_at = started_at - INTERVAL 1 DAY"
              + " WHERE account_id = ? AND kind = 'CUSTOMERS'",
          account);
      RunRow nextDaily = tickUntilRun(account, "CUSTOMERS", Instant.now().minusSeconds(1));

      assertEquals("COMPLETED", nextDaily.state(), nextDaily.toString());
      for (String member : members) {
        assertEquals(
            newName,
            companyName(account, member, company),
            member + "'s profile shows its company's new name");
      }
      assertEquals(outsiderSegments, segments(account, outsider));
      Counters calls = sim.counters();
      System.out.println(
          String.format(
              "next daily run on Liberty: %d contacts of the renamed company, %d calls (%s)",
              members.size(), calls.apiCalls(), calls));
      assertEquals(0, calls.calls("GET /companies/scroll"), "the scroll is never used");
      assertEquals(
          1, calls.calls("GET /companies/{id}/contacts"), "only the renamed company's contacts");
    }
  }

  private static int simulatorPort() {
    return Integer.parseInt(
        System.getenv()
            .getOrDefault("INTERCOM_BASE_URL", "http://127.0.0.1:9189")
            .replaceAll(".*:(\\d+)/?$", "$1"));
  }

  /** Reads the simulator's own data over its API, as another client of the workspace would. */
  private record SimReader(IntercomSimulator sim) {
    private java.net.http.HttpResponse<String> send(String path) throws Exception {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(sim.baseUri().resolve(path))
                  .header("Authorization", "Bearer sim-token")
                  .header("Accept", "application/json")
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    JsonObject get(String path) throws Exception {
      java.net.http.HttpResponse<String> response = send(path);
      assertEquals(200, response.statusCode(), path + ": " + response.body());
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        return reader.readObject();
      }
    }

    int status(String path) throws Exception {
      return send(path).statusCode();
    }
  }

  /**
   * Ticks the scheduler until a run of this kind started after {@code after} has finished (the ITs'
   * timer ticks once an hour); the runs due before it (the hourly) are let run on the way.
   */
  private RunRow tickUntilRun(AccountId account, String kind, Instant after) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      scheduler.tick();
      try (java.sql.Connection c = db.getConnection();
          PreparedStatement select =
              c.prepareStatement(
                  "SELECT id FROM sync_run WHERE account_id = ? AND kind = ? AND started_at > ?"
                      + " ORDER BY started_at DESC LIMIT 1")) {
        select.setString(1, account.value());
        select.setString(2, kind);
        select.setTimestamp(3, java.sql.Timestamp.from(after));
        try (ResultSet rows = select.executeQuery()) {
          if (rows.next()) {
            return awaitRun(account, Optional.of(rows.getString(1)), kind);
          }
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no " + kind + " run started within two minutes");
  }

  private String companyName(AccountId account, String contact, String company) throws Exception {
    for (var c :
        Json.createReader(new StringReader(profileColumn("companies_json", account, contact)))
            .readArray()) {
      if (c.asJsonObject().getString("id").equals(company)) {
        return c.asJsonObject().getString("name");
      }
    }
    throw new AssertionError(contact + " has no company " + company);
  }

  private Set<String> segments(AccountId account, String contact) throws Exception {
    Set<String> names = new TreeSet<>();
    Json.createReader(new StringReader(profileColumn("segments_json", account, contact)))
        .readArray()
        .forEach(s -> names.add(((jakarta.json.JsonString) s).getString()));
    return names;
  }

  private String profileColumn(String column, AccountId account, String contact)
      throws SQLException {
    try (java.sql.Connection c = db.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT "
                    + column
                    + " FROM customer_profile WHERE account_id = ? AND contact_id = ?")) {
      select.setString(1, account.value());
      select.setString(2, contact);
      try (ResultSet rows = select.executeQuery()) {
        assertTrue(rows.next(), "a profile of " + contact);
        return rows.getString(1);
      }
    }
  }

  private void update(String sql, AccountId account) throws SQLException {
    try (java.sql.Connection c = db.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      update.setString(1, account.value());
      update.executeUpdate();
    }
  }

  /**
   * OAuth as the admin lives it: Allow on the consent page, the redirect, the code exchange;
   * returns the first sync's run.
   */
  private Optional<String> connect(IntercomSimulator sim, AccountId account) throws Exception {
    String authorize = connecting.begin(account, "ada").url();
    String state =
        java.net.URLDecoder.decode(
            authorize.replaceAll(".*[?&]state=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    java.net.http.HttpResponse<Void> allowed =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(sim.baseUri().resolve("/oauth/allow"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "client_id=sim-client&state="
                                + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8)
                                + "&redirect_uri="
                                + java.net.URLEncoder.encode(
                                    "http://localhost/callback", StandardCharsets.UTF_8)))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    String location = allowed.headers().firstValue("Location").orElseThrow();
    String code =
        java.net.URLDecoder.decode(
            location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    ConnectIntercomUseCase.ConnectOutcome connected =
        connecting.finish(state, code, Optional.of("ada"));
    assertTrue(
        connected instanceof ConnectIntercomUseCase.ConnectOutcome.Connected, connected.toString());
    return ((ConnectIntercomUseCase.ConnectOutcome.Connected) connected).firstSyncRun();
  }

  /** A finished run's row. */
  record RunRow(
      String state, long kept, long resynced, long unchanged, long deleted, String error) {}

  /** The run with this id once finished, or (no id: another started it) the latest of its kind. */
  private RunRow awaitRun(AccountId account, Optional<String> runId, String kind) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (java.sql.Connection c = db.getConnection();
          PreparedStatement select =
              c.prepareStatement(
                  "SELECT state, kept, resynced, unchanged, deleted, error FROM sync_run"
                      + " WHERE account_id = ? AND kind = ? AND state <> 'RUNNING' AND (? IS NULL OR id = ?)"
                      + " ORDER BY started_at DESC LIMIT 1")) {
        select.setString(1, account.value());
        select.setString(2, kind);
        select.setString(3, runId.orElse(null));
        select.setString(4, runId.orElse(null));
        try (ResultSet rows = select.executeQuery()) {
          if (rows.next()) {
            return new RunRow(
                rows.getString(1),
                rows.getLong(2),
                rows.getLong(3),
                rows.getLong(4),
                rows.getLong(5),
                rows.getString(6));
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + kind + " run finished within two minutes");
  }

  private Set<String> documents(AccountId account, boolean deleted) throws SQLException {
    Set<String> ids = new TreeSet<>();
    try (java.sql.Connection c = db.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT conversation_id FROM feedback_document WHERE account_id = ? AND deleted_at IS "
                    + (deleted ? "NOT NULL" : "NULL"))) {
      select.setString(1, account.value());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  private String customerOf(AccountId account, String conversation) throws SQLException {
    return documentColumn("customer_contact_id", account, conversation);
  }

  private String status(AccountId account, String conversation) throws SQLException {
    return documentColumn("status", account, conversation);
  }

  private String documentColumn(String column, AccountId account, String conversation)
      throws SQLException {
    try (java.sql.Connection c = db.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT "
                    + column
                    + " FROM feedback_document WHERE account_id = ? AND conversation_id = ?")) {
      select.setString(1, account.value());
      select.setString(2, conversation);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private long count(String sql, AccountId account) throws SQLException {
    try (java.sql.Connection c = db.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, account.value());
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private String tokenColumn(AccountId account) throws SQLException {
    try (java.sql.Connection c = db.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT token_ciphertext FROM intercom_connection WHERE account_id = ?")) {
      select.setString(1, account.value());
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return new String(rows.getBytes(1), StandardCharsets.ISO_8859_1);
      }
    }
  }
}
