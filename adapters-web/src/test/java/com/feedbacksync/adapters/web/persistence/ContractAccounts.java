package com.feedbacksync.adapters.web.persistence;

import com.feedbacksync.application.contract.TestAccounts;
import com.feedbacksync.domain.account.AccountId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Accounts for the port contracts on MariaDB, whose rows need their account. */
final class ContractAccounts {

  private ContractAccounts() {}

  static AccountId create(DataSource db) {
    AccountId account = TestAccounts.random();
    try (Connection c = db.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO account (id, name, plan) VALUES (?, 'Contract', 'PAID')")) {
      insert.setString(1, account.value());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return account;
  }
}
