package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Faults.Fault;
import com.feedbacksync.simulator.Http.Route;
import com.feedbacksync.simulator.Model.Kind;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A stand-in for Intercom's REST API (version 2.16) on a local port: OAuth, /me, conversations,
 * contacts, companies, tags, admins, teams and files, with Intercom's rate limits, errors and
 * faults on demand. This class starts and stops it and is its Java API: the control operations here
 * are those {@code /_sim/} offers over HTTP (change the workspace, send signed webhooks, read
 * counters, answer what a correct sync holds).
 */
public final class IntercomSimulator implements AutoCloseable {

  private final SimulatorConfig config;
  private final Tenants tenants;
  private final SimServer server;
  private final Tokens tokens;

  /** The first workspace: the one the single-workspace operations below act on. */
  private final SimWorkspace workspace;

  private final Tenant first;

  /** Intercom's routes, then the control routes; served once {@link #start} has the lot. */
  private final List<Route> routes;

  /** Generates the workspaces, binds the port and wires the parts; {@link #start} serves. */
  private IntercomSimulator(SimulatorConfig config) throws IOException {
    this.config = config;
    this.server = new SimServer(config.port());
    // Links in answers (files, next pages) need the bound port, hence the server first.
    Files files =
        new Files(
            server::baseUrl, config.clientSecret() + ":files", config.fileTtl(), config.clock());
    this.tokens = new Tokens(config.presetToken());
    this.tenants = new Tenants(config, tokens, new OAuth(config, tokens), files, server::baseUrl);
    this.first = tenants.first();
    this.workspace = first.workspace;
    this.routes =
        Stream.concat(first.routes().stream(), ControlRoutes.of(this, first.faults).stream())
            .toList();
  }

  /** Generates the workspace and starts serving. */
  public static IntercomSimulator start(SimulatorConfig config) {
    try {
      IntercomSimulator simulator = new IntercomSimulator(config);
      simulator.server.start(simulator.routes, simulator.tenants);
      return simulator;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the simulator: " + e.getMessage(), e);
    }
  }

  public URI baseUri() {
    return URI.create(server.baseUrl());
  }

  public int port() {
    return server.port();
  }

  public SimulatorConfig config() {
    return config;
  }

  /** How many workspaces it serves ({@link SimulatorConfig#withWorkspaces}). */
  public int workspaceCount() {
    return tenants.size();
  }

  /**
   * The workspace of this index: the first is the one every single-workspace operation here acts
   * on; the OAuth Allow's {@code workspace} parameter picks one for the token it leads to.
   */
  public SimulatedWorkspace workspace(int index) {
    return new SimulatedWorkspace(tenants.get(index));
  }

  @Override
  public void close() {
    server.stop();
  }

  // ---- the workspace changes ------------------------------------------------------------------

  /** A customer replies to the conversation; returns the new part's id. */
  public String customerReplies(String conversationId) {
    return workspace(0).customerReplies(conversationId);
  }

  /** An admin replies; returns the new part's id. */
  public String agentReplies(String conversationId) {
    return first.changes.agentReplies(conversationId, "Thanks, we are on it.").id();
  }

  /**
   * Attaches a PDF of {@code sizeBytes} bytes to the conversation's opening message (its update
   * time moves); returns the file's id.
   */
  public String attachFile(String conversationId, int sizeBytes) {
    return first.changes.attachFile(conversationId, sizeBytes);
  }

  /**
   * How often the file host sent this file whole since the simulator started, to every account (a
   * download a fault answered is not counted).
   *
   * @param fileId as {@link #attachFile} returns it
   */
  public long fileServed(String fileId) {
    return server.filesServed(fileId);
  }

  /**
   * Every call about this conversation or contact (its id in the path) meets the fault until {@link
   * #clearFaults}: HTTP_500 and the like fail it, INVALID_JSON and OVERLONG_ID spoil its answers,
   * HTTP_400 refuses it. LISTED_CORRUPT spoils it in every listing instead, not in its own answer.
   */
  public void faultItem(String intercomId, Fault fault) {
    first.faults.item(intercomId, fault);
  }

  public String addTag(String conversationId, String tagId) {
    first.changes.addTag(conversationId, tagId);
    return tagId;
  }

  public String removeTag(String conversationId, String tagId) {
    first.changes.removeTag(conversationId, tagId);
    return tagId;
  }

  public String changeState(String conversationId, String state) {
    first.changes.changeState(conversationId, state);
    return state;
  }

  /** An assignment only: bumps updated_at but should cost a sync nothing. */
  public String assign(String conversationId, String adminId) {
    first.changes.assign(conversationId, adminId);
    return adminId;
  }

  public String deleteConversation(String conversationId) {
    first.changes.deleteConversation(conversationId);
    return conversationId;
  }

  public String deleteContact(String contactId) {
    first.changes.deleteContact(contactId);
    return contactId;
  }

  public String touchContact(String contactId) {
    first.changes.updateContact(contactId, "last_feedback_at", workspace.now());
    return contactId;
  }

  /** A new conversation: {@code customer}, {@code outbound-replied} or {@code outbound-silent}. */
  public String newConversation(String kind) {
    Kind k =
        switch (kind) {
          case "customer" -> Kind.CUSTOMER_INITIATED;
          case "outbound-replied" -> Kind.OUTBOUND_REPLIED;
          case "outbound-silent" -> Kind.OUTBOUND_SILENT;
          default ->
              throw new IllegalArgumentException(
                  "kind is customer, outbound-replied or outbound-silent");
        };
    return first.changes.newConversation(k).id;
  }

  /**
   * Sends a signed webhook for a conversation or contact to the configured URL; returns the status.
   */
  public int sendWebhook(String topic, String id) {
    return first.webhooks.send(topic, id);
  }

  // ---- access, limits and faults --------------------------------------------------------------

  public String revokeAll() {
    return String.valueOf(tokens.revokeAll());
  }

  /**
   * Revokes only the token issued last (the account connected last loses access; the others keep
   * it), as an admin uninstalling the app from one workspace would.
   */
  public String revokeNewest() {
    return String.valueOf(tokens.revokeNewest());
  }

  public String planRestricted(boolean restricted) {
    first.gate.planRestricted(restricted);
    return String.valueOf(restricted);
  }

  public String rateLimit(long perMinute) {
    first.limiter.perMinute(perMinute);
    return String.valueOf(perMinute);
  }

  /** Fails calls to {@code endpoint} ("GET /conversations/{id}", or "*") with this probability. */
  public void faultProbability(
      String endpoint, double probability, List<Fault> kinds, long slowMillis) {
    first.faults.probability(endpoint, probability, kinds, slowMillis);
  }

  /**
   * The next calls to {@code endpoint} meet these faults in order (NONE lets one through). {@code
   * "GET /i/o/{file}"} scripts the file host's downloads (5xx, 429, RESET, SLOW).
   */
  public void faultScript(String endpoint, List<Fault> sequence) {
    first.faults.script(endpoint, sequence, 2000);
  }

  /** The same, a SLOW in it answering after {@code slowMillis}. */
  public void faultScript(String endpoint, List<Fault> sequence, long slowMillis) {
    first.faults.script(endpoint, sequence, slowMillis);
  }

  public String clearFaults() {
    first.faults.clear();
    return "cleared";
  }

  // ---- what happened, and what a sync should hold ---------------------------------------------

  /** Calls served per endpoint, 429s, bytes, the busiest 10-second window, faults injected. */
  public Counters counters() {
    return first.ledger.counters();
  }

  /**
   * The API calls the rate limiter decided on since the last {@link #resetCounters}, each with the
   * time that put it in its 10-second window (the simulator's clock) and whether it got a 429, in
   * time order. Calls refused before the limit (a bad token) are not in it.
   *
   * @throws IllegalStateException if more calls came than the time line holds
   */
  public List<TimedCall> callTimeline() {
    if (!first.ledger.timelineComplete()) {
      throw new IllegalStateException(
          "the call time line holds " + CallLedger.TIMELINE_CAPACITY + " calls; more came");
    }
    return first.ledger.timeline();
  }

  /**
   * API calls made with the token issued last: one account's calls, whatever the other accounts on
   * this workspace do meanwhile.
   */
  public long newestTokenCalls() {
    return newestTokenCallsByEndpoint().values().stream().mapToLong(Long::longValue).sum();
  }

  /** The same, per endpoint. */
  public Map<String, Long> newestTokenCallsByEndpoint() {
    return tokens
        .newest()
        .map(t -> tenants.get(tokens.workspaceOf(t).orElse(0)).ledger.callsWith(t))
        .orElseGet(TreeMap::new);
  }

  /**
   * The conversations retrieved with the token issued last, each with how often it was answered (a
   * 429 or an injected fault is not an answer): one account's re-fetches, e.g. after a crash.
   */
  public Map<String, Long> newestTokenRetrieves() {
    return tokens
        .newest()
        .map(t -> tenants.get(tokens.workspaceOf(t).orElse(0)).ledger.retrievedWith(t))
        .orElseGet(TreeMap::new);
  }

  /**
   * Forgets the sorted search results it keeps: a benchmark's floor warms them for the product's
   * identical query otherwise.
   */
  public void clearCaches() {
    tenants.all().forEach(t -> t.search.clearCache());
  }

  public String resetCounters() {
    tenants.all().forEach(t -> t.ledger.reset());
    return "reset";
  }

  /** The company changes alone (an admin renames it): none of its contacts is updated. */
  public String renameCompany(String companyId, String name) {
    first.changes.renameCompany(companyId, name);
    return companyId;
  }

  /**
   * The contact joins the segment, or leaves it if it was in: Intercom's segments follow a
   * contact's attributes, so the contact is updated with it.
   */
  public String toggleSegment(String contactId, String segmentId) {
    first.changes.toggleSegment(contactId, segmentId);
    return contactId;
  }

  /** What a correct sync of this workspace holds, worked out from the simulator's own data. */
  public Oracle oracle() {
    return workspace(0).oracle();
  }

  /**
   * What each kept conversation's document must hold (messages, attachments, file bytes), by id,
   * worked out from the simulator's own data for an account that leaves internal notes out.
   */
  public Map<String, DocumentContent> documentContents() {
    return workspace.read(
        () -> ContentOracle.of(workspace, Oracle.of(workspace).qualifyingNewestFirst()));
  }

  /** The fewest calls a first sync of this workspace can make, from the simulator's own data. */
  public FirstSyncFloor firstSyncFloor() {
    return workspace.read(() -> FirstSyncFloor.of(workspace, Oracle.of(workspace)));
  }

  /** For the demo's summary and the tests: how many companies and contacts there are. */
  public int contactCount() {
    return workspace.read(() -> workspace.contacts().size());
  }

  /** The ids of the workspace's contacts, for tests that call Intercom with them. */
  public List<String> contactIds() {
    return workspace.read(() -> List.copyOf(workspace.contacts().keySet()));
  }

  public int companyCount() {
    return workspace.read(() -> workspace.companies().size());
  }

  /**
   * The workspace's companies, contacts and conversations as they are now, for code in this package
   * that works with the records themselves (ids to call with, what an answer should show).
   */
  SimWorkspace.Snapshot snapshot() {
    return workspace.snapshot();
  }
}
