package com.feedbacksync.adapters.intercom;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * Intercom's REST API 2.16 as a MicroProfile REST Client. Built per region host by {@link
 * RestClientHttp}; answers are raw so that statuses and rate-limit headers are read in one place.
 */
@Path("/")
@ClientHeaderParam(name = "Accept", value = MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Intercom-Version", value = IntercomApi.VERSION)
public interface IntercomApi {

  String VERSION = "2.16";

  @GET
  @Path("me")
  Response me(@HeaderParam("Authorization") String bearer);

  @POST
  @Path("conversations/search")
  @Consumes(MediaType.APPLICATION_JSON)
  Response searchConversations(@HeaderParam("Authorization") String bearer, String body);

  @GET
  @Path("conversations/{id}")
  Response conversation(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @GET
  @Path("conversations/deleted")
  Response deletedConversations(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("page") int page,
      @QueryParam("per_page") int perPage,
      @QueryParam("order") String order);

  @POST
  @Path("contacts/search")
  @Consumes(MediaType.APPLICATION_JSON)
  Response searchContacts(@HeaderParam("Authorization") String bearer, String body);

  @GET
  @Path("contacts/{id}")
  Response contact(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @GET
  @Path("contacts/{id}/segments")
  Response contactSegments(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @GET
  @Path("contacts/{id}/companies")
  Response contactCompanies(
      @HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @GET
  @Path("companies/{id}")
  Response company(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

  @POST
  @Path("companies/list")
  Response listCompanies(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("page") int page,
      @QueryParam("per_page") int perPage,
      @QueryParam("order") String order);

  @GET
  @Path("companies/{id}/contacts")
  Response companyContacts(
      @HeaderParam("Authorization") String bearer,
      @PathParam("id") String id,
      @QueryParam("page") int page,
      @QueryParam("per_page") int perPage);

  @POST
  @Path("auth/eagle/token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  Response exchangeCode(
      @FormParam("code") String code,
      @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret);
}
