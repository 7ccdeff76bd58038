/**
 * The admin's settings page ({@code /settings/integrations/intercom}): its HTML, the security
 * headers of it and its static files (under {@code /settings/assets/} in the WAR). Static; it reads
 * and drives the admin API like any client would, with the admin's token from the URL fragment.
 */
package com.feedbacksync.adapters.web.settings;
