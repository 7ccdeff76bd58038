/**
 * Events to the research repository, the web adapter's side: the settings ({@code
 * feedbacksync.events.*}, with a readiness check), the signed HTTP delivery (the JDK's {@code
 * HttpClient}, implementing the {@code EventReceiver} out-port), the JSON body, and the timer that
 * runs the outbox's delivery use case. Depends on the application's ports and values.
 */
package com.feedbacksync.adapters.web.events;
