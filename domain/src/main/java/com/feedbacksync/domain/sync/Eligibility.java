package com.feedbacksync.domain.sync;

/**
 * Refuses, at connect time, a workspace that cannot be synced, so that it never fails later:
 * Intercom's Free and Lite plans give no API access.
 */
public final class Eligibility {

  private Eligibility() {}

  public static ConnectionEligibility judge(AccessProbe probe) {
    if (probe instanceof AccessProbe.Granted granted) {
      return new ConnectionEligibility.Eligible(granted.workspace());
    }
    if (probe instanceof AccessProbe.PlanRestricted restricted) {
      return new ConnectionEligibility.Refused(
          "The Intercom workspace \""
              + restricted.workspace().name()
              + "\" is on an Intercom plan without API access (Intercom's Free and Lite plans)."
              + " Upgrade its Intercom plan, then connect again.");
    }
    return new ConnectionEligibility.Refused(
        "Intercom did not accept the authorization. Connect again and allow access when Intercom"
            + " asks.");
  }
}
