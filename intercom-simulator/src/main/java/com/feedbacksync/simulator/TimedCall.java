package com.feedbacksync.simulator;

/**
 * One API call the rate limiter saw: when (the simulator's clock, the reading that put the call in
 * its 10-second window), at which endpoint, and whether it was refused with a 429.
 */
public record TimedCall(long atEpochMillis, String endpoint, boolean refused) {}
