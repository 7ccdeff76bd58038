package com.feedbacksync.simulator;

/**
 * What to generate: sizes and shares of a simulated workspace. The same spec and seed always give
 * the same workspace.
 *
 * @param outboundRepliedShare outbound conversations (admin, automated, bot) a customer answered
 * @param outboundSilentShare outbound conversations nobody answered; the rest are
 *     customer-initiated
 * @param longThreadShare conversations with more parts than Intercom returns (over 500)
 * @param inlineImageShare customer messages with an inline image or an attachment
 */
public record WorkspaceSpec(
    long seed,
    int conversations,
    double outboundRepliedShare,
    double outboundSilentShare,
    double longThreadShare,
    double inlineImageShare,
    int meanParts) {

  public WorkspaceSpec {
    if (conversations < 0) {
      throw new IllegalArgumentException("conversations cannot be negative");
    }
    if (outboundRepliedShare < 0
        || outboundSilentShare < 0
        || outboundRepliedShare + outboundSilentShare > 1) {
      throw new IllegalArgumentException("shares are between 0 and 1 and add up to at most 1");
    }
    if (meanParts < 1) {
      throw new IllegalArgumentException("meanParts is at least 1");
    }
  }

  /** A realistic mix: 60% customer-initiated, 10% answered outbound, 30% outbound without reply. */
  public static WorkspaceSpec of(long seed, int conversations) {
    return new WorkspaceSpec(seed, conversations, 0.10, 0.30, 0.002, 0.05, 8);
  }

  public WorkspaceSpec withShares(double outboundReplied, double outboundSilent) {
    return new WorkspaceSpec(
        seed,
        conversations,
        outboundReplied,
        outboundSilent,
        longThreadShare,
        inlineImageShare,
        meanParts);
  }

  /** The same shape from another seed: another workspace. */
  public WorkspaceSpec withSeed(long other) {
    return new WorkspaceSpec(
        other,
        conversations,
        outboundRepliedShare,
        outboundSilentShare,
        longThreadShare,
        inlineImageShare,
        meanParts);
  }

  public WorkspaceSpec withConversations(int count) {
    return new WorkspaceSpec(
        seed,
        count,
        outboundRepliedShare,
        outboundSilentShare,
        longThreadShare,
        inlineImageShare,
        meanParts);
  }

  public WorkspaceSpec withLongThreadShare(double share) {
    return new WorkspaceSpec(
        seed,
        conversations,
        outboundRepliedShare,
        outboundSilentShare,
        share,
        inlineImageShare,
        meanParts);
  }

  public WorkspaceSpec withMeanParts(int mean) {
    return new WorkspaceSpec(
        seed,
        conversations,
        outboundRepliedShare,
        outboundSilentShare,
        longThreadShare,
        inlineImageShare,
        mean);
  }

  public int contacts() {
    return Math.max(1, conversations / 2);
  }

  public int companies() {
    return Math.max(1, conversations / 20);
  }
}
