/**
 * The sync's policies as named rules with explicit outcomes: {@code ReplyRequiredFilter}, {@code
 * TagFlattening}, {@code PlanLimits} and its {@code HistoryQuota}, {@code ChangeTriggers}, {@code
 * Schedules}. No I/O and no clock reads: time is passed in. Depends on {@code java.*} only.
 */
package com.feedbacksync.domain.sync;
