/**
 * The admin's settings page ({@code /settings/integrations/intercom}): where Intercom's OAuth
 * redirect lands with its outcome. Static; it reads the API like any client would.
 */
package com.feedbacksync.adapters.web.settings;
