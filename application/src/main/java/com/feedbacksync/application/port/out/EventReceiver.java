package com.feedbacksync.application.port.out;

import com.feedbacksync.application.model.DeliveryResult;
import com.feedbacksync.application.model.OutboundEvent;

/**
 * The research repository's event endpoint: one signed delivery attempt, bounded in time. Never
 * throws for the receiver's trouble: that is a {@link DeliveryResult.Retry}.
 */
public interface EventReceiver {

  DeliveryResult deliver(OutboundEvent event);
}
