package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.audit.AuditNote;
import com.feedbacksync.adapters.web.audit.Audited;
import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.adapters.web.security.TokenAccount;
import com.feedbacksync.application.model.AuditAction;
import com.feedbacksync.application.model.AuditDetail;
import com.feedbacksync.application.port.in.DocumentSettingsUseCase;
import com.feedbacksync.application.port.in.DocumentSettingsUseCase.DocumentSettings;
import com.feedbacksync.domain.document.MappingSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The account's settings for what its documents show: members read them, admins change them. A
 * change applies from the next sync of each conversation (nothing is re-fetched for it).
 */
@Path("integrations/intercom/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentSettingsResource {

  private static final String NOT_FOUND = "No account with this id is known here.";

  @Inject DocumentSettingsUseCase settings;
  @Inject TokenAccount caller;
  @Inject AuditNote audit;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
  @Operation(summary = "The account's document settings, and whether it chose them")
  @APIResponse(
      responseCode = "200",
      description = "The settings the next syncs apply; chosen false: the server's default",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "default",
                      value = "{\"includeInternalNotes\":false,\"chosen\":false}")))
  @APIResponse(responseCode = "404", description = "The token's account is not known here")
  public SettingsJson read() {
    return settings
        .settings(caller.account())
        .map(SettingsJson::of)
        .orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Audited(AuditAction.SETTINGS_CHANGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Choose whether admins' internal notes become part of the documents")
  @APIResponse(responseCode = "200", description = "Stored; applied from each next sync")
  @APIResponse(responseCode = "400", description = "The body lacks includeInternalNotes")
  @APIResponse(responseCode = "403", description = "Only an admin changes settings")
  @APIResponse(responseCode = "404", description = "The token's account is not known here")
  public SettingsJson choose(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples =
                          @ExampleObject(
                              name = "include notes",
                              value = "{\"includeInternalNotes\":true}")))
          @NotNull(message = "a JSON body {\"includeInternalNotes\": true or false} is required")
          @Valid
          SettingsRequest body) {
    MappingSettings chosen = new MappingSettings(body.include());
    audit.detail(() -> AuditDetail.settings(chosen));
    return settings
        .choose(caller.account(), chosen)
        .map(SettingsJson::of)
        .orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  /**
   * A change of settings: every setting named, none left to a default. Read as JSON values, since
   * JSON-B would turn a string such as "yes" into false without a word.
   */
  public record SettingsRequest(
      @NotNull(message = "is required: true or false") JsonValue includeInternalNotes) {

    boolean include() {
      if (includeInternalNotes.getValueType() == JsonValue.ValueType.TRUE) {
        return true;
      }
      if (includeInternalNotes.getValueType() == JsonValue.ValueType.FALSE) {
        return false;
      }
      throw new BadRequestException(
          "includeInternalNotes must be true or false, not " + includeInternalNotes + ".");
    }
  }

  /** The settings that apply, and whether the account chose them or they are the server's. */
  public record SettingsJson(boolean includeInternalNotes, boolean chosen) {
    static SettingsJson of(DocumentSettings settings) {
      return new SettingsJson(settings.applied().includeInternalNotes(), settings.chosen());
    }
  }
}
