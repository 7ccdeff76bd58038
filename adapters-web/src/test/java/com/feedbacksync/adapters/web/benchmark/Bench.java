package com.feedbacksync.adapters.web.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.feedbacksync.adapters.web.support.AdminTokens;
import com.feedbacksync.adapters.web.support.ApiClient;
import com.feedbacksync.adapters.web.support.TestDatabase;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.simulator.Counters;
import com.feedbacksync.simulator.IntercomSimulator;
import com.feedbacksync.simulator.Oracle;
import com.feedbacksync.simulator.SimulatorConfig;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** What every benchmark does: a simulator, an account connected to it, its runs awaited. */
final class Bench {

  static final int SIM_PORT = Integer.parseInt(System.getProperty("it.simulator.port", "9189"));

  private Bench() {}

  static IntercomSimulator simulator(long seed, int conversations, long perMinute) {
    return IntercomSimulator.start(
        SimulatorConfig.defaults(seed, conversations)
            .withRatePerMinute(perMinute)
            .withPort(SIM_PORT));
  }

  static AccountId newAccountId(String prefix) {
    return new AccountId(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  static Account connect(ApiClient api, IntercomSimulator sim, String prefix, Plan plan)
      throws Exception {
    return connect(api, sim, newAccountId(prefix), plan);
  }

  /** Creates the account and connects it through OAuth: its first sync starts. */
  static Account connect(ApiClient api, IntercomSimulator sim, AccountId id, Plan plan)
      throws Exception {
    return connect(api, sim, id, plan, 0);
  }

  /** The same, to the simulator's workspace of this index. */
  static Account connect(
      ApiClient api, IntercomSimulator sim, AccountId id, Plan plan, int workspace)
      throws Exception {
    String name = "Bench " + id.value().substring(0, id.value().indexOf('-'));
    api.createAccount(id.value(), name, plan);
    String admin = AdminTokens.token("ada", id.value(), "admin");
    String query = api.allow(sim, api.beginConnect(admin), workspace);
    assertEquals(
        200, api.get("api/v1/integrations/intercom/callback?" + query, admin).statusCode());
    return new Account(id, name, plan);
  }

  static void syncNow(ApiClient api, Account account) throws Exception {
    String admin = AdminTokens.token("ada", account.id().value(), "admin");
    assertEquals(
        202, api.send("POST", "api/v1/integrations/intercom/sync", admin, null).statusCode());
  }

  /** Waits for the account's latest run of this kind to finish; returns it. */
  static JsonObject awaitRun(ApiClient api, Account account, String kind) throws Exception {
    String token = AdminTokens.token("bo", account.id().value(), "member");
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (System.nanoTime() < deadline) {
      var response = api.get("api/v1/integrations/intercom/runs?limit=5", token);
      JsonArray runs = Json.createReader(new java.io.StringReader(response.body())).readArray();
      for (JsonObject run : runs.getValuesAs(JsonObject.class)) {
        if (run.getString("kind").equals(kind) && !run.getString("state").equals("RUNNING")) {
          assertEquals("COMPLETED", run.getString("state"), run.toString());
          return run;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(kind + " run of " + account.id() + " did not finish");
  }

  /** The run's wall time, from its start to its end as the product recorded them. */
  static double seconds(JsonObject run) {
    return Duration.between(
                Instant.parse(run.getString("startedAt")),
                Instant.parse(run.getString("finishedAt")))
            .toNanos()
        / 1e9;
  }

  /** The connect's OAuth token exchange and /me (the access check is one call more). */
  static long oauthCalls(Counters c) {
    return c.callsByEndpoint().entrySet().stream()
        .filter(
            e ->
                e.getKey().contains("oauth")
                    || e.getKey().contains("/me")
                    || e.getKey().startsWith("POST /auth"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /**
   * The stored documents are the oracle's, as sets of ids (never an empty oracle), the run
   * COMPLETED, and the product's own kept and skipped counts are printed beside the oracle's.
   */
  static void exactDocuments(
      BenchmarkReport report, String name, Account account, IntercomSimulator sim, JsonObject run)
      throws Exception {
    Oracle oracle = sim.oracle();
    assertFalse(oracle.qualifyingNewestFirst().isEmpty(), name + ": the oracle is empty");
    assertEquals("COMPLETED", run.getString("state"), name + ": the run's final state");
    assertEquals(
        new TreeSet<>(oracle.qualifyingNewestFirst()),
        new TreeSet<>(TestDatabase.documentIds(account.id().value())),
        name + ": the stored documents are exactly the oracle's");
    long kept = run.getJsonNumber("kept").longValue();
    long skipped = run.getJsonNumber("skippedWithoutReply").longValue();
    report.note(
        "%s documents: the product kept %,d and skipped %,d without reply;"
            + " the oracle %,d and %,d (ids compared as sets)",
        name,
        kept,
        skipped,
        oracle.qualifyingNewestFirst().size(),
        oracle.skippedWithoutReply().size());
    assertEquals(oracle.skippedWithoutReply().size(), skipped, name + ": skipped without reply");
  }
}
