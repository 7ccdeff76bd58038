package com.feedbacksync.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a simulator runs.
 *
 * @param port 0 for a free port
 * @param ratePerMinute Intercom's per-minute budget, enforced in 10-second windows; 0 for none
 * @param presetToken an access token that works without going through OAuth (tests, benchmarks)
 * @param redirectUris where OAuth may redirect; empty allows any
 * @param webhookUrl where signed webhooks go, if anywhere
 */
public record SimulatorConfig(
    int port,
    WorkspaceSpec workspace,
    String appId,
    String workspaceName,
    String region,
    String clientId,
    String clientSecret,
    long ratePerMinute,
    Duration fileTtl,
    boolean planRestricted,
    Optional<String> presetToken,
    List<String> redirectUris,
    Optional<String> webhookUrl,
    Clock clock) {

  public SimulatorConfig {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(fileTtl, "fileTtl");
    Objects.requireNonNull(presetToken, "presetToken");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(clock, "clock");
    redirectUris = List.copyOf(redirectUris);
    workspaceName = workspaceName == null ? "Acme SaaS" : workspaceName;
    region = region == null ? "US" : region;
  }

  /** A simulator of {@code conversations} conversations with Intercom's default limits. */
  public static SimulatorConfig defaults(long seed, int conversations) {
    return new SimulatorConfig(
        0,
        WorkspaceSpec.of(seed, conversations),
        "abc12345",
        "Acme SaaS",
        "US",
        "sim-client",
        "sim-client-secret",
        10_000,
        Duration.ofMinutes(30),
        false,
        Optional.of("sim-token"),
        List.of(),
        Optional.empty(),
        Clock.systemUTC());
  }

  public SimulatorConfig withPort(int port) {
    return new SimulatorConfig(
        port,
        workspace,
        appId,
        workspaceName,
        region,
        clientId,
        clientSecret,
        ratePerMinute,
        fileTtl,
        planRestricted,
        presetToken,
        redirectUris,
        webhookUrl,
        clock);
  }

  public SimulatorConfig withWorkspace(WorkspaceSpec spec) {
    return new SimulatorConfig(
        port,
        spec,
        appId,
        workspaceName,
        region,
        clientId,
        clientSecret,
        ratePerMinute,
        fileTtl,
        planRestricted,
        presetToken,
        redirectUris,
        webhookUrl,
        clock);
  }

  public SimulatorConfig withRatePerMinute(long perMinute) {
    return new SimulatorConfig(
        port,
        workspace,
        appId,
        workspaceName,
        region,
        clientId,
        clientSecret,
        perMinute,
        fileTtl,
        planRestricted,
        presetToken,
        redirectUris,
        webhookUrl,
        clock);
  }

  public SimulatorConfig withRegion(String region) {
    return new SimulatorConfig(
        port,
        workspace,
        appId,
        workspaceName,
        region,
        clientId,
        clientSecret,
        ratePerMinute,
        fileTtl,
        planRestricted,
        presetToken,
        redirectUris,
        webhookUrl,
        clock);
  }

  public SimulatorConfig withPlanRestricted(boolean restricted) {
    return new SimulatorConfig(
        port,
        workspace,
        appId,
        workspaceName,
        region,
        clientId,
        clientSecret,
        ratePerMinute,
        fileTtl,
        restricted,
        presetToken,
        redirectUris,
        webhookUrl,
        clock);
  }

  public SimulatorConfig withClient(String id, String secret) {
    return new SimulatorConfig(
        port,
        workspace,
        appId,
        workspaceName,
        region,
        id,
        secret,
        ratePerMinute,
        fileTtl,
        planRestricted,
        presetToken,
        redirectUris,
        webhookUrl,
        clock);
  }

  public SimulatorConfig withWebhookUrl(String url) {
    return new SimulatorConfig(
        port,
        workspace,
        appId,
        workspaceName,
        region,
        clientId,
        clientSecret,
        ratePerMinute,
        fileTtl,
        planRestricted,
        presetToken,
        redirectUris,
        Optional.ofNullable(url),
        clock);
  }

  public SimulatorConfig withFileTtl(Duration ttl) {
    return new SimulatorConfig(
        port,
        workspace,
        appId,
        workspaceName,
        region,
        clientId,
        clientSecret,
        ratePerMinute,
        ttl,
        planRestricted,
        presetToken,
        redirectUris,
        webhookUrl,
        clock);
  }

  public SimulatorConfig withClock(Clock clock) {
    return new SimulatorConfig(
        port,
        workspace,
        appId,
        workspaceName,
        region,
        clientId,
        clientSecret,
        ratePerMinute,
        fileTtl,
        planRestricted,
        presetToken,
        redirectUris,
        webhookUrl,
        clock);
  }
}
