/**
 * The sync engine. {@link com.feedbacksync.application.sync.SyncService} is the entry point: it
 * opens a run ({@code SyncRun}: context, commits, progress) and hands it to the walk of its kind
 * ({@code HistoryWalk}, {@code UpdatedConversationsWalk} with {@code DeletionsWalk}, {@code
 * CustomersWalk} with {@code CompaniesWalk}, {@code WebhookResync}). Walks gather a {@code
 * PendingBatch} and commit it with its checkpoint; {@code DocumentImport} (reply rule, mapping,
 * {@code FileCopies}) and {@code ProfileFetches} do the per-item work on the {@code Fetchers}.
 */
package com.feedbacksync.application.sync;
