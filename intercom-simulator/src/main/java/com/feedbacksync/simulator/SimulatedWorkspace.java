package com.feedbacksync.simulator;

/**
 * One of the workspaces a simulator serves ({@link IntercomSimulator#workspace}): its identity, the
 * changes a customer makes in it, its own call counters and what a correct sync of it holds.
 */
public final class SimulatedWorkspace {

  private final Tenant tenant;

  SimulatedWorkspace(Tenant tenant) {
    this.tenant = tenant;
  }

  /** Intercom's id of the workspace, as {@code GET /me} names it to a token of it. */
  public String appId() {
    return tenant.config.appId();
  }

  public String name() {
    return tenant.config.workspaceName();
  }

  /** A customer replies to the conversation; returns the new part's id. */
  public String customerReplies(String conversationId) {
    return tenant
        .changes
        .customerReplies(conversationId, "One more thing: it happened again today.")
        .id();
  }

  /** The calls made to this workspace alone (with its tokens, or exchanging its codes). */
  public Counters counters() {
    return tenant.ledger.counters();
  }

  public void resetCounters() {
    tenant.ledger.reset();
  }

  /** What a correct sync of this workspace holds, worked out from the simulator's own data. */
  public Oracle oracle() {
    return tenant.workspace.read(() -> Oracle.of(tenant.workspace));
  }
}
