/**
 * The composition root: CDI producers that build the application's services from the adapters
 * implementing their out-ports, the service's one clock, and the timer that ticks the scheduler.
 * The only package that builds application services; settings come from MicroProfile Config.
 */
package com.feedbacksync.adapters.web.config;
