/**
 * Who may call the admin API: the roles, the bearer-token requirement and the account of the
 * verified token. Depends on MicroProfile JWT, JAX-RS and the domain's ids.
 */
package com.feedbacksync.adapters.web.security;
