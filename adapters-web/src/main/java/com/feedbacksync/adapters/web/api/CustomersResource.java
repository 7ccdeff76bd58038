package com.feedbacksync.adapters.web.api;

import com.feedbacksync.adapters.web.api.FeedbackJson.CustomerJson;
import com.feedbacksync.adapters.web.api.FeedbackJson.PageJson;
import com.feedbacksync.adapters.web.security.Roles;
import com.feedbacksync.adapters.web.security.TokenAccount;
import com.feedbacksync.application.model.CustomerQuery;
import com.feedbacksync.application.model.DocumentQuery;
import com.feedbacksync.application.model.Lookup;
import com.feedbacksync.application.port.in.ReadFeedbackUseCase;
import com.feedbacksync.domain.intercom.ContactId;
import com.feedbacksync.domain.profile.CustomerProfile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The account's customer profiles, synced from Intercom contacts and their companies. */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MEMBER})
public class CustomersResource {

  @Inject ReadFeedbackUseCase feedback;
  @Inject TokenAccount caller;

  @GET
  @Operation(summary = "Customer profiles, most recently updated first, cursor-paged")
  @APIResponse(
      responseCode = "200",
      description = "A page of profiles; pass nextCursor back as cursor for the next one",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          """
                          {"items":[{"id":"6650a1b2c3","role":"user","name":"Casey Customer",\
                          "email":"casey@example.com","segments":["Active"],\
                          "companies":[{"id":"6650c0","name":"Globex"}],\
                          "properties":{"browser":"chrome","company.name":"Globex",\
                          "company.plan":"Enterprise"},"updatedAt":"2026-11-26T08:00:00Z"}]}""")))
  @APIResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid")
  public PageJson<CustomerJson> customers(
      @Parameter(description = "exact e-mail, any case") @QueryParam("email") @Size(max = 320)
          String email,
      @Parameter(description = "a segment name") @QueryParam("segment") @Size(max = 200)
          String segment,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "page size, 1 to 100")
          @QueryParam("limit")
          @DefaultValue("25")
          @Min(1)
          @Max(DocumentQuery.MAX_LIMIT)
          int limit) {
    CustomerQuery query =
        new CustomerQuery(
            Optional.ofNullable(email),
            Optional.ofNullable(segment),
            Responses.after(cursor),
            limit);
    return PageJson.of(feedback.customers(caller.account(), query), CustomerJson::of);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One customer profile: name, e-mail, segments, companies, properties")
  @APIResponse(responseCode = "200", description = "The profile")
  @APIResponse(responseCode = "404", description = "No such customer in this account")
  @APIResponse(responseCode = "410", description = "Deleted in Intercom; only the fact is kept")
  public CustomerJson customer(@PathParam("id") String id) {
    ContactId contact;
    try {
      contact = new ContactId(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No customer with this id in your account.");
    }
    Lookup<CustomerProfile> lookup = feedback.customer(caller.account(), contact);
    if (lookup instanceof Lookup.Found<CustomerProfile> f) {
      return CustomerJson.of(f.item());
    }
    if (lookup instanceof Lookup.Deleted<CustomerProfile> d) {
      throw Responses.gone("This contact was deleted in Intercom", d.deletedAt());
    }
    throw new NotFoundException("No customer with this id in your account.");
  }
}
