package com.feedbacksync.application.fakes;

import com.feedbacksync.application.model.AuditEntry;
import com.feedbacksync.application.model.Slice;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.port.out.AuditTrail;
import com.feedbacksync.domain.account.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The audit trail in memory, ordered and paged as the database orders and pages it. */
public final class InMemoryAuditTrail implements AuditTrail {

  private static final Comparator<AuditEntry> NEWEST_FIRST =
      Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed();

  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized void append(AuditEntry entry) {
    if (entries.stream().anyMatch(e -> e.id().equals(entry.id()))) {
      throw new IllegalStateException("audit entry stored twice: " + entry.id());
    }
    entries.add(entry);
  }

  @Override
  public synchronized Slice<AuditEntry> entries(
      AccountId account, Optional<SliceCursor> after, int limit) {
    List<AuditEntry> rows =
        entries.stream()
            .filter(e -> e.event().account().equals(account))
            .filter(e -> after.map(c -> isAfter(e, c)).orElse(true))
            .sorted(NEWEST_FIRST)
            .limit(limit + 1L)
            .toList();
    Optional<SliceCursor> next =
        rows.size() > limit
            ? Optional.of(new SliceCursor(rows.get(limit - 1).at(), rows.get(limit - 1).id()))
            : Optional.empty();
    return new Slice<>(rows.subList(0, Math.min(limit, rows.size())), next);
  }

  private static boolean isAfter(AuditEntry e, SliceCursor c) {
    int at = e.at().compareTo(c.at());
    return at < 0 || (at == 0 && e.id().compareTo(c.id()) < 0);
  }

  @Override
  public synchronized int prune(Instant recordedBefore) {
    int before = entries.size();
    entries.removeIf(e -> e.at().isBefore(recordedBefore));
    return before - entries.size();
  }

  public synchronized List<AuditEntry> all() {
    return List.copyOf(entries);
  }
}
