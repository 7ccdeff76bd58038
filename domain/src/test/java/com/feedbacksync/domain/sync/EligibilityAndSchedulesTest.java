package com.feedbacksync.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.domain.intercom.Region;
import com.feedbacksync.domain.intercom.Workspace;
import com.feedbacksync.domain.intercom.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityAndSchedulesTest {

  private static final Workspace ACME =
      new Workspace(new WorkspaceId("abc12345"), "Acme", Region.EU);
  private static final Instant LAST = Instant.ofEpochSecond(1_785_000_000L);

  @Test
  void connects_a_workspace_with_api_access() {
    assertEquals(
        new ConnectionEligibility.Eligible(ACME), Eligibility.judge(new AccessProbe.Granted(ACME)));
  }

  @Test
  void refuses_a_workspace_on_a_plan_without_api_access_naming_it_and_the_way_out() {
    ConnectionEligibility outcome =
        Eligibility.judge(new AccessProbe.PlanRestricted(ACME, "Active subscription needed."));
    String reason = ((ConnectionEligibility.Refused) outcome).reason();
    assertEquals(
        "The Intercom workspace \"Acme\" is on an Intercom plan without API access (Intercom's Free"
            + " and Lite plans). Upgrade its Intercom plan, then connect again.",
        reason);
  }

  @Test
  void refuses_an_authorization_intercom_did_not_accept() {
    ConnectionEligibility outcome = Eligibility.judge(new AccessProbe.Unauthorized(null));
    assertTrue(
        ((ConnectionEligibility.Refused) outcome).reason().startsWith("Intercom did not accept"));
  }

  @Test
  void a_refusal_always_says_why() {
    assertThrows(IllegalArgumentException.class, () -> new ConnectionEligibility.Refused(" "));
    assertThrows(IllegalArgumentException.class, () -> new ConnectionEligibility.Refused(null));
  }

  @Test
  void runs_conversations_hourly_and_customers_daily_by_default() {
    assertEquals(Duration.ofHours(1), Schedules.DEFAULT.conversationInterval());
    assertEquals(Duration.ofDays(1), Schedules.DEFAULT.customerInterval());
  }

  @ParameterizedTest(name = "last run {0}s ago -> due now: {1}")
  @CsvSource({"0, false", "1, false", "3599, false", "3600, true", "7200, true"})
  void the_conversation_sync_is_due_an_hour_after_the_last_started(long ago, boolean due) {
    SyncDue result = Schedules.DEFAULT.conversationSync(Optional.of(LAST), LAST.plusSeconds(ago));
    assertEquals(due, result.now());
    if (!due) {
      assertEquals(new SyncDue.At(LAST.plusSeconds(3600)), result);
    }
  }

  @ParameterizedTest(name = "last run {0}s ago -> due now: {1}")
  @CsvSource({"3600, false", "86399, false", "86400, true"})
  void the_customer_sync_is_due_a_day_after_the_last_started(long ago, boolean due) {
    assertEquals(
        due, Schedules.DEFAULT.customerSync(Optional.of(LAST), LAST.plusSeconds(ago)).now());
  }

  @Test
  void a_sync_that_never_ran_is_due_now() {
    assertEquals(new SyncDue.Now(), Schedules.DEFAULT.conversationSync(Optional.empty(), LAST));
    assertEquals(new SyncDue.Now(), Schedules.DEFAULT.customerSync(Optional.empty(), LAST));
    assertFalse(new SyncDue.At(LAST).now());
  }

  @Test
  void refuses_intervals_that_are_not_positive() {
    assertThrows(
        IllegalArgumentException.class, () -> new Schedules(Duration.ZERO, Duration.ofDays(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Schedules(Duration.ofHours(1), Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> new Schedules(null, Duration.ofDays(1)));
  }
}
