package com.feedbacksync.application.port.out;

import java.util.function.Supplier;

/**
 * One database transaction around several port calls: a state change and the outbox event it causes
 * commit together or not at all. Calls inside join it; a runtime exception rolls it back.
 */
public interface Transactions {

  <T> T inOne(Supplier<T> work);
}
