/**
 * The audit trail's recording at the edge: resources mark the methods whose calls are audited
 * ({@link com.feedbacksync.adapters.web.audit.Audited}) and say what they did ({@link
 * com.feedbacksync.adapters.web.audit.AuditNote}); a response filter records every such call with
 * the status it was answered with, refusals included. Uses in-ports and this module's security
 * package, never another adapter.
 */
package com.feedbacksync.adapters.web.audit;
