package com.feedbacksync.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.feedbacksync.application.fakes.FollowingClock;
import com.feedbacksync.application.fakes.InMemoryAuditTrail;
import com.feedbacksync.application.model.AuditAction;
import com.feedbacksync.application.model.AuditActor;
import com.feedbacksync.application.model.AuditDetail;
import com.feedbacksync.application.model.AuditEntry;
import com.feedbacksync.application.model.AuditEvent;
import com.feedbacksync.application.model.AuditOutcome;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.MappingSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditServiceTest {

  private static final AccountId ACME = new AccountId("acme");
  private static final AccountId GLOBEX = new AccountId("globex");
  private static final AuditActor ADA = new AuditActor("ada", "admin");

  private Instant now = Instant.parse("2026-12-01T10:00:00Z");
  private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
  private final AuditService audit = new AuditService(trail, new FollowingClock(() -> now));

  @Test
  void an_action_is_stored_with_the_clocks_time_who_what_and_how_it_ended() {
    audit.record(
        new AuditEvent(
            ACME,
            ADA,
            AuditAction.SETTINGS_CHANGE,
            AuditDetail.settings(new MappingSettings(true)),
            AuditOutcome.of(200)));

    AuditEntry stored = trail.all().get(0);
    assertEquals(Instant.parse("2026-12-01T10:00:00Z"), stored.at());
    assertEquals("ada", stored.event().actor().subject());
    assertEquals(AuditAction.SETTINGS_CHANGE, stored.event().action());
    assertEquals(Map.of("includeInternalNotes", "true"), stored.event().detail().fields());
    assertEquals(new AuditOutcome.Succeeded(200), stored.event().outcome());
  }

  @Test
  void an_account_lists_only_its_own_entries_newest_first_across_pages() {
    for (int i = 0; i < 5; i++) {
      record(ACME, AuditAction.SYNC_NOW, 202);
      record(GLOBEX, AuditAction.SYNC_NOW, 202);
      now = now.plusSeconds(60);
    }

    List<AuditEntry> seen = new ArrayList<>();
    Slice<AuditEntry> page = audit.entries(ACME, Optional.empty(), 2);
    seen.addAll(page.items());
    while (page.next().isPresent()) {
      page = audit.entries(ACME, page.next(), 2);
      seen.addAll(page.items());
    }

    assertEquals(5, seen.size());
    assertTrue(seen.stream().allMatch(e -> e.event().account().equals(ACME)));
    assertEquals(Instant.parse("2026-12-01T10:04:00Z"), seen.get(0).at());
    assertEquals(Instant.parse("2026-12-01T10:00:00Z"), seen.get(4).at());
  }

  @Test
  void a_limit_outside_one_to_a_hundred_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> audit.entries(ACME, Optional.empty(), 0));
    assertThrows(IllegalArgumentException.class, () -> audit.entries(ACME, Optional.empty(), 101));
  }

  @Test
  void statuses_become_outcomes_succeeded_refused_or_failed() {
    assertInstanceOf(AuditOutcome.Succeeded.class, AuditOutcome.of(202));
    assertInstanceOf(AuditOutcome.Succeeded.class, AuditOutcome.of(303));
    assertEquals(new AuditOutcome.Refused(400), AuditOutcome.of(400));
    assertEquals(new AuditOutcome.Refused(403), AuditOutcome.of(403));
    assertEquals(new AuditOutcome.Refused(409), AuditOutcome.of(409));
    assertEquals(new AuditOutcome.Failed(500), AuditOutcome.of(500));
    assertEquals(new AuditOutcome.Failed(502), AuditOutcome.of(502));
    assertEquals("refused", AuditOutcome.of(499).name());
    assertThrows(IllegalArgumentException.class, () -> AuditOutcome.of(600));
  }

  @Test
  void a_detail_carries_only_its_named_short_fields_never_a_token() {
    String jwt =
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEiLCJhY2NvdW50IjoiYWNtZSJ9."
            + "c2lnbmF0dXJlLW9mLWEtcmVhbC10b2tlbi1pcy1sb25nZXItdGhhbi10aGlz";
    assertThrows(IllegalArgumentException.class, () -> AuditDetail.syncStarted(jwt));
    assertThrows(
        IllegalArgumentException.class, () -> new AuditDetail(Map.of("token", "secret-1")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AuditDetail(Map.of("runId", "Bearer abc")),
        "a space (free text) is not an id");
    assertEquals(
        Map.of("plan", "PAID", "created", "false", "planChanged", "true"),
        AuditDetail.accountSaved(Plan.PAID, false, true).fields());
    assertEquals(Map.of("purge", "true"), AuditDetail.disconnect(true).fields());
  }

  @Test
  void entries_older_than_the_retention_are_pruned_and_recent_ones_kept() {
    record(ACME, AuditAction.CONNECT, 200);
    now = now.plus(Duration.ofDays(300));
    record(ACME, AuditAction.DISCONNECT, 204);
    now = now.plus(Duration.ofDays(100));

    int pruned =
        new AuditRetention(trail, new FollowingClock(() -> now), Duration.ofDays(365)).prune();

    assertEquals(1, pruned);
    assertEquals(AuditAction.DISCONNECT, trail.all().get(0).event().action());
    assertFalse(trail.all().stream().anyMatch(e -> e.event().action() == AuditAction.CONNECT));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AuditRetention(trail, new FollowingClock(() -> now), Duration.ofHours(1)));
  }

  private void record(AccountId account, AuditAction action, int status) {
    audit.record(new AuditEvent(account, ADA, action, AuditDetail.none(), AuditOutcome.of(status)));
  }
}
