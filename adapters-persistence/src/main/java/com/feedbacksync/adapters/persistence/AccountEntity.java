package com.feedbacksync.adapters.persistence;

import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The `account` row. */
@Entity
@Table(name = "account")
public class AccountEntity {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "plan", nullable = false, length = 16)
  private Plan plan;

  protected AccountEntity() {}

  Account toDomain() {
    return new Account(new AccountId(id), name, plan);
  }

  void changePlan(Plan newPlan) {
    this.plan = newPlan;
  }
}
