/**
 * What the system does: one use case per interface ({@code *UseCase}), with the commands and
 * results it takes and gives. The web adapter calls these and nothing else of the application. May
 * depend on the domain and {@code application.model}; never on {@code port.out}.
 */
package com.feedbacksync.application.port.in;
