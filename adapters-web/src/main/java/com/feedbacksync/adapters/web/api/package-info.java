/**
 * The admin API v1 under /api/v1: the JAX-RS application, its resources and their wire records
 * ({@code *Json}). Resources call in-ports (out-port records appear only as values) and may use the
 * domain and this module's security and audit packages, never another adapter; they throw JAX-RS
 * exceptions, which the problem package renders.
 */
package com.feedbacksync.adapters.web.api;
