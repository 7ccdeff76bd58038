/**
 * RFC 9457 problem details: the exception mappers and the servlet error pages that give every error
 * of the service the same application/problem+json form. Depends on JAX-RS, Servlet, JSON, MP
 * Config (the trusted issuer) and the security package's reasons for a refused token only; no
 * application type.
 */
package com.feedbacksync.adapters.web.problem;
