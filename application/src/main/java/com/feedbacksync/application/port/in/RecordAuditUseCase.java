package com.feedbacksync.application.port.in;

import com.feedbacksync.application.model.AuditEvent;

/** Records an admin's or the research repository's action on an account, with its outcome. */
public interface RecordAuditUseCase {

  /** Stamps the event with the time and an id and stores it. */
  void record(AuditEvent event);
}
