package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Route;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One simulated Intercom workspace and what Intercom keeps per workspace: its data, its rate limit,
 * its faults, its call ledger, and its routes wired to them. The tokens, the OAuth flow, signed
 * files and the HTTP server are the simulator's, shared by every tenant.
 */
final class Tenant {

  final SimulatorConfig config;
  final SimWorkspace workspace;
  final WorkspaceChanges changes;
  final RateLimiter limiter;
  final Faults faults;
  final CallLedger ledger;
  final Sender sender;
  final Search search;
  final ApiGate gate;
  final Webhooks webhooks;

  /** Intercom's routes answered from this workspace, in matching order. */
  private final List<Route> routes;

  /** The same, by endpoint ("GET /conversations/{id}"). */
  private final Map<String, Route> byEndpoint;

  Tenant(
      SimulatorConfig config, Tokens tokens, OAuth oauth, Files files, Supplier<String> baseUrl) {
    this.config = config;
    this.workspace = new SimWorkspace(config.workspace(), config.clock());
    this.changes = new WorkspaceChanges(workspace);
    this.limiter = new RateLimiter(config.clock(), config.ratePerMinute());
    this.faults = new Faults(config.workspace().seed());
    this.ledger = new CallLedger(limiter, faults);
    this.sender = new Sender(ledger);
    ConversationRender conversations = new ConversationRender(workspace, files);
    ContactRender contacts = new ContactRender(config.appId());
    this.gate = new ApiGate(ledger, tokens, limiter, faults, sender, config.planRestricted());
    this.webhooks = new Webhooks(config, workspace, conversations, contacts);
    this.search = new Search(workspace);
    this.routes =
        ApiRoutes.of(
            oauth,
            files,
            new WorkspaceDirectory(config, workspace),
            new ConversationEndpoints(workspace, search, conversations, baseUrl, ledger),
            new Contacts(workspace, contacts),
            new Companies(workspace, contacts));
    this.byEndpoint = routes.stream().collect(Collectors.toMap(Route::endpoint, r -> r));
  }

  /** Intercom's routes in matching order (literal paths before templates). */
  List<Route> routes() {
    return routes;
  }

  /**
   * Lets the call through this workspace's gate to its own route of the same endpoint as {@code
   * matched} (matched against the first workspace's routes, which are the same paths).
   */
  void pass(Route matched, Request request) throws IOException {
    gate.pass(byEndpoint.get(matched.endpoint()), request);
  }
}
