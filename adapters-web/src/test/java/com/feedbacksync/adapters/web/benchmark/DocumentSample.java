package com.feedbacksync.adapters.web.benchmark;

/** How many documents the account had in the database at one moment of a sync. */
record DocumentSample(long atEpochMillis, long documents) {}
