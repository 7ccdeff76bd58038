/**
 * Intercom's model as the sync reads it: conversations, parts, listings, contacts, companies, tags,
 * workspaces and their ids, already parsed (the Intercom adapter maps JSON to these). Plain Java.
 */
package com.feedbacksync.domain.intercom;
