/**
 * The Intercom adapter: the REST client, OAuth, the pacing and retries of every call, and reading
 * Intercom's JSON (API answers and webhook notifications) into the domain, its HTML sanitized.
 * Implements the application's Intercom out-ports; depends on the application, the domain,
 * MicroProfile REST Client, JSON-P and the OWASP sanitizer, never on another adapter.
 */
package com.feedbacksync.adapters.intercom;
