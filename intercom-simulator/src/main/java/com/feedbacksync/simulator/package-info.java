/**
 * The Intercom simulator: a deterministic stand-in for Intercom's REST API 2.16, for tests,
 * benchmarks and the demo; never in the WAR.
 *
 * <p>What lives here: {@code IntercomSimulator} (the Java API, which wires the rest) and {@code
 * Main} (the command line); the HTTP side ({@code SimServer}, {@code ApiGate}, {@code Sender},
 * {@code Http}, {@code Replies}, the route tables and endpoints); access ({@code Tokens}, {@code
 * OAuth}); the rules Intercom applies ({@code RateLimiter}, {@code Faults}); what is recorded and
 * checked ({@code CallLedger}, {@code Counters}, {@code Oracle}); and the workspace ({@code
 * SimWorkspace}, {@code Model}, {@code Generator}, {@code PartGenerator}, {@code Vocabulary},
 * {@code Render}, {@code Search}, {@code Contacts}, {@code Files}).
 *
 * <p>It may depend on the JDK (its HTTP server and client included) and Jackson, nothing else: no
 * module of the product, so the simulator can never agree with the product by sharing its code. The
 * package is flat on purpose: the integration tests deploy it into Liberty by adding this one
 * package to their archive.
 */
package com.feedbacksync.simulator;
