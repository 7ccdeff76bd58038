package com.feedbacksync.application.model;

import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.MappingSettings;
import com.feedbacksync.domain.intercom.Workspace;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The small, typed particulars of an audited action: a plan, a setting, a run id. Only the named
 * fields below, each a short id-like value, so nothing free-form (a token, a secret, a message
 * body, an error text) can ever reach the audit trail: a bearer token alone is longer than any
 * value allowed here.
 */
public record AuditDetail(Map<String, String> fields) {

  /** The only fields a detail may carry. */
  public static final Set<String> NAMES =
      Set.of(
          "purge",
          "runId",
          "workspace",
          "region",
          "includeInternalNotes",
          "plan",
          "created",
          "planChanged");

  /** Letters, digits and {@code . _ : -}, at most 64: ids, enum names, booleans. */
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public AuditDetail {
    Objects.requireNonNull(fields, "fields");
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (!NAMES.contains(field.getKey())) {
        throw new IllegalArgumentException("not an audit detail field: " + field.getKey());
      }
      if (field.getValue() == null || !VALUE.matcher(field.getValue()).matches()) {
        // The value is not echoed: the point is that it must not be written anywhere.
        throw new IllegalArgumentException(
            "audit detail " + field.getKey() + " is not a short id-like value");
      }
    }
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
  }

  /** Nothing beyond the action itself (or the request was refused before it was read). */
  public static AuditDetail none() {
    return new AuditDetail(Map.of());
  }

  public static AuditDetail disconnect(boolean purge) {
    return new AuditDetail(Map.of("purge", Boolean.toString(purge)));
  }

  public static AuditDetail syncStarted(String runId) {
    return new AuditDetail(Map.of("runId", runId));
  }

  public static AuditDetail connected(Workspace workspace) {
    return new AuditDetail(
        Map.of("workspace", workspace.id().value(), "region", workspace.region().name()));
  }

  public static AuditDetail settings(MappingSettings chosen) {
    return new AuditDetail(
        Map.of("includeInternalNotes", Boolean.toString(chosen.includeInternalNotes())));
  }

  /** The account as saved: its plan, whether this call created it and whether its plan changed. */
  public static AuditDetail accountSaved(Plan plan, boolean created, boolean planChanged) {
    return new AuditDetail(
        Map.of(
            "plan", plan.name(),
            "created", Boolean.toString(created),
            "planChanged", Boolean.toString(planChanged)));
  }
}
