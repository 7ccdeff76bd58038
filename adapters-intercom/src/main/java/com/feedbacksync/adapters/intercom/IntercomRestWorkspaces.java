package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.model.IntercomAccess;
import com.feedbacksync.application.port.out.IntercomWorkspace;
import com.feedbacksync.application.port.out.IntercomWorkspaces;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens workspaces over Intercom's REST API. Each workspace keeps one {@link Pacer} for as long as
 * this object lives, since the rate limit is Intercom's per app and workspace, not per sync run.
 */
public final class IntercomRestWorkspaces implements IntercomWorkspaces, AutoCloseable {

  private final IntercomSettings settings;
  private final IntercomHttp http;
  private final Clock clock;
  private final PacingMeter pacing;
  private final Map<WorkspaceId, Pacer> pacers = new ConcurrentHashMap<>();

  /** For tests that read no metrics: the pacing's waits go uncounted. */
  IntercomRestWorkspaces(IntercomSettings settings, IntercomHttp http, Clock clock) {
    this(settings, http, clock, wait -> {});
  }

  IntercomRestWorkspaces(
      IntercomSettings settings, IntercomHttp http, Clock clock, PacingMeter pacing) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.pacing = pacing;
  }

  /**
   * In the server: the MicroProfile REST Client, every answered call counted by the meter, every
   * wait of the pacing by the pacing meter.
   */
  public static IntercomRestWorkspaces overRestClient(
      IntercomSettings settings, Clock clock, CallMeter meter, PacingMeter pacing) {
    return new IntercomRestWorkspaces(
        settings, new MeteredHttp(new RestClientHttp(settings), meter), clock, pacing);
  }

  @Override
  public IntercomWorkspace open(IntercomAccess access) {
    Pacer pacer = pacers.computeIfAbsent(access.workspace(), w -> new Pacer(clock, pacing));
    return new IntercomRestWorkspace(settings, http, pacer, access);
  }

  /** Closes the HTTP clients when the application stops. */
  @Override
  public void close() {
    http.close();
  }
}
