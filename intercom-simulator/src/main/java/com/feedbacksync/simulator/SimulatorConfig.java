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
 * @param workspaces how many workspaces it serves, one per access token ({@link #tenant})
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
    Clock clock,
    int workspaces) {

  public SimulatorConfig {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(fileTtl, "fileTtl");
    Objects.requireNonNull(presetToken, "presetToken");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(clock, "clock");
    if (workspaces < 1) {
      throw new IllegalArgumentException("a simulator serves at least one workspace");
    }
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
        Clock.systemUTC(),
        1);
  }

  /** Another workspace: Intercom's id for it (the app id {@code GET /me} names) and its name. */
  public SimulatorConfig withWorkspaceIdentity(String id, String name) {
    return new SimulatorConfig(
        port,
        workspace,
        id,
        name,
        region,
        clientId,
        clientSecret,
        ratePerMinute,
        fileTtl,
        planRestricted,
        presetToken,
        redirectUris,
        webhookUrl,
        clock,
        workspaces);
  }

  /**
   * {@code count} workspaces of {@code conversationsEach} conversations, each generated from its
   * own seed under its own id and name, with its own rate limit and counters, as {@link #tenant}
   * describes; the OAuth Allow picks one for the token it leads to.
   */
  public SimulatorConfig withWorkspaces(int count, int conversationsEach) {
    return toBuilder()
        .workspaces(count)
        .workspace(workspace.withConversations(conversationsEach))
        .build();
  }

  /**
   * The config of workspace {@code index}: the first is this config itself, the others take the
   * same shape with a seed, an id and a name of their own.
   */
  public SimulatorConfig tenant(int index) {
    if (index < 0 || index >= workspaces) {
      throw new IllegalArgumentException(
          "workspace " + index + " of " + workspaces + " does not exist");
    }
    if (index == 0) {
      return this;
    }
    return withWorkspaceIdentity(appId + "-" + index, workspaceName + " " + index)
        .withWorkspace(workspace.withSeed(workspace.seed() + 7_919L * index));
  }

  public SimulatorConfig withPort(int port) {
    return toBuilder().port(port).build();
  }

  public SimulatorConfig withWorkspace(WorkspaceSpec spec) {
    return toBuilder().workspace(spec).build();
  }

  public SimulatorConfig withRatePerMinute(long perMinute) {
    return toBuilder().ratePerMinute(perMinute).build();
  }

  public SimulatorConfig withRegion(String region) {
    return toBuilder().region(region).build();
  }

  public SimulatorConfig withPlanRestricted(boolean restricted) {
    return toBuilder().planRestricted(restricted).build();
  }

  public SimulatorConfig withClient(String id, String secret) {
    return toBuilder().clientId(id).clientSecret(secret).build();
  }

  public SimulatorConfig withToken(String token) {
    return toBuilder().presetToken(Optional.ofNullable(token)).build();
  }

  public SimulatorConfig withWebhookUrl(String url) {
    return toBuilder().webhookUrl(Optional.ofNullable(url)).build();
  }

  public SimulatorConfig withFileTtl(Duration ttl) {
    return toBuilder().fileTtl(ttl).build();
  }

  public SimulatorConfig withClock(Clock clock) {
    return toBuilder().clock(clock).build();
  }

  private Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes one or two settings of a config; the record's components stay final. */
  private static final class Builder {
    private int port;
    private WorkspaceSpec workspace;
    private final String appId;
    private final String workspaceName;
    private String region;
    private String clientId;
    private String clientSecret;
    private long ratePerMinute;
    private Duration fileTtl;
    private boolean planRestricted;
    private Optional<String> presetToken;
    private final List<String> redirectUris;
    private Optional<String> webhookUrl;
    private Clock clock;
    private int workspaces;

    Builder(SimulatorConfig c) {
      port = c.port;
      workspace = c.workspace;
      appId = c.appId;
      workspaceName = c.workspaceName;
      region = c.region;
      clientId = c.clientId;
      clientSecret = c.clientSecret;
      ratePerMinute = c.ratePerMinute;
      fileTtl = c.fileTtl;
      planRestricted = c.planRestricted;
      presetToken = c.presetToken;
      redirectUris = c.redirectUris;
      webhookUrl = c.webhookUrl;
      clock = c.clock;
      workspaces = c.workspaces;
    }

    Builder workspaces(int value) {
      workspaces = value;
      return this;
    }

    Builder port(int value) {
      port = value;
      return this;
    }

    Builder workspace(WorkspaceSpec value) {
      workspace = value;
      return this;
    }

    Builder region(String value) {
      region = value;
      return this;
    }

    Builder clientId(String value) {
      clientId = value;
      return this;
    }

    Builder clientSecret(String value) {
      clientSecret = value;
      return this;
    }

    Builder ratePerMinute(long value) {
      ratePerMinute = value;
      return this;
    }

    Builder fileTtl(Duration value) {
      fileTtl = value;
      return this;
    }

    Builder planRestricted(boolean value) {
      planRestricted = value;
      return this;
    }

    Builder presetToken(Optional<String> value) {
      presetToken = value;
      return this;
    }

    Builder webhookUrl(Optional<String> value) {
      webhookUrl = value;
      return this;
    }

    Builder clock(Clock value) {
      clock = value;
      return this;
    }

    SimulatorConfig build() {
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
          clock,
          workspaces);
    }
  }
}
