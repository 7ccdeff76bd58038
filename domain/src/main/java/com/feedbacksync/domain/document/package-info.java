/**
 * Feedback documents and the rules that make one from a conversation (sanitized content, flat tags,
 * attributes, original URL). Plain Java.
 */
package com.feedbacksync.domain.document;
