package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.api.FeedbackJson.CountJson;
import com.feedbacksync.adapters.web.api.FeedbackJson.DocumentInfoJson;
import com.feedbacksync.adapters.web.api.FeedbackJson.DocumentJson;
import com.feedbacksync.adapters.web.api.FeedbackJson.DocumentSummaryJson;
import com.feedbacksync.adapters.web.api.FeedbackJson.PageJson;
import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.adapters.web.security.SignedFileLinks;
import com.feedbacksync.adapters.web.security.SignedFileLinks.Signature;
import com.feedbacksync.adapters.web.security.TokenAccount;
import com.feedbacksync.application.model.DocumentQuery;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.model.SliceCursor;
import com.feedbacksync.application.model.StoredFile;
import com.feedbacksync.application.port.in.ReadFeedbackUseCase;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.intercom.ConversationId;
import com.feedbacksync.domain.intercom.ConversationState;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The account's feedback documents: list, one document, its Document Info and its files. */
@Path("documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MEMBER})
public class DocumentsResource {

  @Inject ReadFeedbackUseCase feedback;
  @Inject TokenAccount caller;
  @Inject SignedFileLinks fileLinks;
  @Context SecurityContext security;

  @GET
  @Operation(summary = "Documents, newest activity first, filtered and cursor-paged")
  @APIResponse(
      responseCode = "200",
      description = "A page of documents; pass nextCursor back as cursor for the next one",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          """
                          {"items":[{"id":"215474154200001","title":"Export to CSV fails",\
                          "status":"OPEN","tags":["bug","export"],"customerId":"6650a1b2c3",\
                          "createdAt":"2026-11-20T09:12:00Z","updatedAt":"2026-11-26T16:40:00Z",\
                          "truncatedByIntercom":false,\
                          "url":"/api/v1/documents/215474154200001",\
                          "infoUrl":"/api/v1/documents/215474154200001/info"}],\
                          "nextCursor":"MTc4NTAwMDAwMC4wLjIxNTQ3NDE1NDIwMDAwMQ"}""")))
  @APIResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid")
  public PageJson<DocumentSummaryJson> documents(
      @Parameter(description = "a tag name the document carries")
          @QueryParam("tag")
          @Size(max = 200)
          String tag,
      @Parameter(description = "OPEN, CLOSED or SNOOZED")
          @QueryParam("status")
          @Pattern(
              regexp = "(?i)open|closed|snoozed",
              message = "must be one of OPEN, CLOSED, SNOOZED")
          String status,
      @Parameter(description = "words that all appear in the title or the messages")
          @QueryParam("q")
          @Size(max = 200)
          String q,
      @Parameter(description = "the customer profile id of the author")
          @QueryParam("customer")
          @Size(max = 128)
          String customer,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "page size, 1 to 100")
          @QueryParam("limit")
          @DefaultValue("25")
          @Min(1)
          @Max(DocumentQuery.MAX_LIMIT)
          int limit) {
    DocumentQuery query = query(tag, status, q, customer, Responses.after(cursor), limit);
    return PageJson.of(feedback.documents(caller.account(), query), DocumentSummaryJson::of);
  }

  @GET
  @Path("count")
  @Operation(summary = "How many documents the same filters as the list select, in all")
  @APIResponse(
      responseCode = "200",
      description = "The count",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "count", value = "{\"count\":2817}")))
  @APIResponse(responseCode = "400", description = "A filter is invalid")
  public CountJson count(
      @Parameter(description = "a tag name the document carries")
          @QueryParam("tag")
          @Size(max = 200)
          String tag,
      @Parameter(description = "OPEN, CLOSED or SNOOZED")
          @QueryParam("status")
          @Pattern(
              regexp = "(?i)open|closed|snoozed",
              message = "must be one of OPEN, CLOSED, SNOOZED")
          String status,
      @Parameter(description = "words that all appear in the title or the messages")
          @QueryParam("q")
          @Size(max = 200)
          String q,
      @Parameter(description = "the customer profile id of the author")
          @QueryParam("customer")
          @Size(max = 128)
          String customer) {
    return new CountJson(
        feedback.countDocuments(
            caller.account(), query(tag, status, q, customer, Optional.empty(), 1)));
  }

  private static DocumentQuery query(
      String tag,
      String status,
      String q,
      String customer,
      Optional<SliceCursor> after,
      int limit) {
    return new DocumentQuery(
        Optional.ofNullable(tag),
        Optional.ofNullable(status).map(s -> ConversationState.valueOf(s.toUpperCase(Locale.ROOT))),
        Optional.ofNullable(q),
        Optional.ofNullable(customer).filter(c -> !c.isBlank()).map(ContactId::new),
        after,
        limit);
  }

  @GET
  @Path("{id}")
  @Operation(
      summary =
          "The document: title, sanitized HTML content, messages with author and time, tags,"
              + " customer")
  @APIResponse(responseCode = "200", description = "The document")
  @APIResponse(responseCode = "404", description = "No such document in this account")
  @APIResponse(responseCode = "410", description = "Deleted in Intercom; only the fact is kept")
  public DocumentJson document(@PathParam("id") String id) {
    return found(
        id,
        feedback::document,
        d ->
            DocumentJson.of(
                d.document(),
                d.customer(),
                (text, html) ->
                    fileLinks.sign(text, caller.account(), d.document().conversationId(), html)));
  }

  @GET
  @Path("{id}/info")
  @Operation(
      summary =
          "Document Info: source type, conversation id, status, tags with where they were"
              + " applied, custom and Intercom's own attributes, completeness (parts Intercom"
              + " reports and returned), original URL, workspace, created/updated/synced times")
  @APIResponse(
      responseCode = "200",
      description = "The document's metadata",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "info",
                      value =
                          """
                          {"documentId":"215474154200001","source":"intercom",\
                          "conversationId":"215474154200001","sourceType":"conversation",\
                          "deliveredAs":"customer_initiated","status":"OPEN",\
                          "tags":[{"id":"9001","name":"bug","applied":[{"messageId":null,\
                          "appliedAt":"2026-11-20T09:30:00Z","appliedBy":{"type":"admin",\
                          "id":"814860","name":"Dana Support"}}]}],\
                          "attributes":{"Priority score":2.5,"VIP":true},\
                          "intercomAttributes":{"priority":"high","admin_assignee_id":"814860",\
                          "conversation_rating.rating":4,\
                          "conversation_rating.created_at":"2026-11-26T16:50:00Z",\
                          "source.url":"https://app.acme-saas.example/reports",\
                          "statistics.time_to_admin_reply":540,"statistics.count_reopens":1},\
                          "completeness":{"partsReported":812,"partsReceived":500,\
                          "truncatedByIntercom":true},\
                          "originalUrl":"https://app.intercom.com/a/inbox/abc12345/inbox/conversation/215474154200001",\
                          "workspaceId":"abc12345","createdAt":"2026-11-20T09:12:00Z",\
                          "updatedAt":"2026-11-26T16:40:00Z","syncedAt":"2026-11-26T17:00:03Z"}""")))
  @APIResponse(responseCode = "404", description = "No such document in this account")
  @APIResponse(responseCode = "410", description = "Deleted in Intercom; only the fact is kept")
  public DocumentInfoJson info(@PathParam("id") String id) {
    return found(id, feedback::documentInfo, DocumentInfoJson::of);
  }

  @GET
  @Path("{id}/files/{fileId}")
  @PermitAll
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary =
          "An attachment or inline image of the document, as the sync stored it: with a bearer"
              + " token, or through the signed link the document hands out (account, expires,"
              + " signature; valid one hour) for browsers")
  @APIResponse(responseCode = "200", description = "The file, with its type")
  @APIResponse(responseCode = "401", description = "Neither a token nor a signed link")
  @APIResponse(responseCode = "403", description = "The link's signature is altered or expired")
  @APIResponse(responseCode = "404", description = "No such file in this account")
  public Response file(
      @PathParam("id") String id,
      @PathParam("fileId") String fileId,
      @QueryParam("account") String signedAccount,
      @QueryParam("expires") @DefaultValue("0") long expires,
      @QueryParam("signature") String signature) {
    AccountId reader =
        signature == null
            ? tokenReader()
            : fileLinks
                .verify(id, fileId, new Signature(signedAccount, expires, signature))
                .orElseThrow(
                    () ->
                        new ForbiddenException(
                            "This file link expired or was altered: reload the document for a"
                                + " fresh one."));
    StoredFile file =
        feedback
            .file(reader, conversation(id), fileId)
            .orElseThrow(() -> new NotFoundException("No such file in this document."));
    // Served as stored, never sniffed or rendered inline as active content from our origin.
    // Streamed from the database a piece at a time: never the whole file in the heap.
    StreamingOutput bytes =
        out -> {
          try (InputStream in = file.content().open()) {
            in.transferTo(out);
          }
        };
    return Response.ok(bytes, file.contentType())
        .header("Content-Length", file.content().size())
        .header("Content-Disposition", Responses.disposition(file))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cache-Control", "private, max-age=3600")
        .build();
  }

  /**
   * Without a signed link the file is read like the rest of the API: a member's or admin's token.
   */
  private AccountId tokenReader() {
    if (security.getUserPrincipal() == null) {
      throw new NotAuthorizedException(
          "A bearer token or a signed file link is required.", "Bearer");
    }
    if (!security.isUserInRole(Roles.ADMIN) && !security.isUserInRole(Roles.MEMBER)) {
      throw new ForbiddenException("Reading needs the member or admin role.");
    }
    return caller.account();
  }

  /** The caller's document through {@code read}, as {@code view}; 404 or 410 otherwise. */
  private <D, T> T found(
      String id, BiFunction<AccountId, ConversationId, Lookup<D>> read, Function<D, T> view) {
    Lookup<D> lookup = read.apply(caller.account(), conversation(id));
    if (lookup instanceof Lookup.Found<D> f) {
      return view.apply(f.item());
    }
    if (lookup instanceof Lookup.Deleted<D> d) {
      throw Responses.gone("This conversation was deleted in Intercom", d.deletedAt());
    }
    throw new NotFoundException("No document with this id in your account.");
  }

  private static ConversationId conversation(String id) {
    try {
      return new ConversationId(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No document with this id in your account.");
    }
  }
}
