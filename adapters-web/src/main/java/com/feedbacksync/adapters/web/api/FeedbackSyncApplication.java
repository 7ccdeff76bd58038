package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The admin API v1: JSON over HTTP under /api/v1, authenticated by MicroProfile JWT bearer tokens.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ADMIN, Roles.MEMBER})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Feedback Sync admin API",
            version = "1",
            description =
                "Connect an Intercom workspace, watch its sync, and read the feedback documents and"
                    + " customer profiles it produced. Bearer token with claims sub, groups"
                    + " (admin|member) and account."))
public class FeedbackSyncApplication extends Application {}
