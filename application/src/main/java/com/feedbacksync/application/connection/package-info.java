/**
 * The Intercom connection: OAuth (the single-use state, the code exchange, the access probe),
 * disconnecting, and the integration's status for admins.
 */
package com.feedbacksync.application.connection;
