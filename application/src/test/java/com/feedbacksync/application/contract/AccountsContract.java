package com.feedbacksync.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Accounts} must do, run against the fake and against MariaDB. Stores may hold
 * other tests' accounts, so each case looks only at its own.
 */
public abstract class AccountsContract {

  protected abstract Accounts accounts();

  @Test
  void lists_the_accounts_on_a_plan_and_follows_a_plan_change() {
    AccountId start = TestAccounts.random();
    AccountId paid = TestAccounts.random();
    accounts().add(new Account(start, "On Start", Plan.START));
    accounts().add(new Account(paid, "On Paid", Plan.PAID));
    assertEquals(
        List.of(false, true, true, false),
        List.of(
            accounts().onPlan(Plan.PAID).contains(start),
            accounts().onPlan(Plan.PAID).contains(paid),
            accounts().onPlan(Plan.START).contains(start),
            accounts().onPlan(Plan.START).contains(paid)),
        "start on PAID, paid on PAID, start on START, paid on START");

    accounts().changePlan(start, Plan.PAID);
    assertEquals(
        List.of(true, false),
        List.of(
            accounts().onPlan(Plan.PAID).contains(start),
            accounts().onPlan(Plan.START).contains(start)),
        "upgraded: on PAID, on START");
  }

  @Test
  void finds_an_account_whatever_the_letter_case_of_its_id() {
    AccountId id = TestAccounts.random();
    accounts().add(new Account(id, "Cased", Plan.START));
    AccountId upper = new AccountId(id.value().toUpperCase(Locale.ROOT));
    assertEquals(
        List.of("Cased", "Cased"),
        List.of(
            accounts().find(id).map(Account::name).orElse("missing"),
            accounts().find(upper).map(Account::name).orElse("missing")));
  }
}
