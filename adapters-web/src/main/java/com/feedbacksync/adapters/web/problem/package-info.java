/**
 * RFC 9457 problem details: the exception mappers and the servlet error pages that give every error
 * of the service the same application/problem+json form. Depends on JAX-RS, Servlet and JSON only;
 * no application type.
 */
package com.feedbacksync.adapters.web.problem;
