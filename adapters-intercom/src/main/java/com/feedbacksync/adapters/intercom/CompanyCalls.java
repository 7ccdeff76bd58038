package com.feedbacksync.adapters.intercom;

import com.feedbacksync.application.model.ItemKind;
import com.feedbacksync.application.model.Page;
import com.feedbacksync.application.model.PageCursor;
import com.feedbacksync.domain.intercom.Company;
import com.feedbacksync.domain.intercom.CompanyId;
import com.feedbacksync.domain.intercom.Contact;
import com.feedbacksync.domain.intercom.ContactId;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The companies calls of one workspace: the list, a company, its contacts, a contact's. */
final class CompanyCalls {

  /**
   * Companies a page: the description gives no maximum for the companies list (its default is 15);
   * fifty keeps a large workspace's listing short without asking for more than Intercom's older
   * documentation allowed (60).
   */
  static final int COMPANIES_PER_PAGE = 50;

  /** Contacts of a company a page (the description's example pages by fifty). */
  static final int COMPANY_CONTACTS_PER_PAGE = 50;

  /**
   * Most recently requested first: a company that a request moves to the front while the walk pages
   * on shifts the rest back (read twice, never skipped); its update is the next daily run's.
   */
  static final String COMPANIES_ORDER = "desc";

  private final RetryingCalls calls;
  private final IntercomHttp http;
  private final URI api;
  private final String token;

  CompanyCalls(RetryingCalls calls, IntercomHttp http, URI api, String token) {
    this.calls = calls;
    this.http = http;
    this.api = api;
    this.token = token;
  }

  /**
   * {@code POST /companies/list} by page number. Not the scroll: Intercom allows one open companies
   * scroll per app, so a scroll here would fail whenever another client of the workspace (or the
   * app's own other server) holds one, and would make theirs fail. Not {@code GET /companies}
   * either: its description documents it for one company or a tag's or segment's companies. The
   * list leaves out companies without contacts, which have no profiles to refresh; it stops at
   * 10,000 companies, the documented limit of paging.
   */
  Page<Company> companies(Optional<PageCursor> after) {
    int page = after.map(c -> Integer.parseInt(c.value())).orElse(1);
    JsonObject json =
        calls.require(
            "companies page " + page,
            () -> http.listCompanies(api, token, page, COMPANIES_PER_PAGE));
    return ListingPages.numbered(json, page, ProfileJson::company, Optional.empty());
  }

  Page<Contact> contactsOf(CompanyId company, Optional<PageCursor> after) {
    int page = after.map(c -> Integer.parseInt(c.value())).orElse(1);
    return calls
        .json(
            "contacts of company " + company,
            () ->
                http.companyContacts(api, token, company.value(), page, COMPANY_CONTACTS_PER_PAGE))
        .map(
            json ->
                ListingPages.numbered(
                    json, page, ProfileJson::contact, Optional.of(ItemKind.CONTACT)))
        .orElseGet(() -> new Page<>(List.of(), Optional.empty(), Optional.of(0)));
  }

  Optional<Company> company(CompanyId id) {
    return calls
        .json("company " + id, () -> http.company(api, token, id.value()))
        .map(
            json ->
                IntercomRestWorkspace.readable("company " + id, () -> ProfileJson.company(json)));
  }

  List<Company> companiesOf(ContactId id) {
    return calls
        .json("companies of " + id, () -> http.contactCompanies(api, token, id.value()))
        .map(
            json ->
                IntercomRestWorkspace.readable(
                    "companies of " + id,
                    () ->
                        IntercomJson.objects(json, "companies").stream()
                            .map(ProfileJson::company)
                            .toList()))
        .orElse(List.of());
  }
}
