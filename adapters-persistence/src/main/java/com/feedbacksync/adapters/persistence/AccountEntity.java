package com.feedbacksync.adapters.persistence;

import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import com.feedbacksync.domain.document.MappingSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** The `account` row. */
@Entity
@Table(name = "account")
public class AccountEntity {

  /** The column's length. */
  static final int NAME_LENGTH = 200;

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "plan", nullable = false, length = 16)
  private Plan plan;

  /** Null: the account made no choice, and the server's default applies. */
  @Column(name = "include_internal_notes")
  private Boolean includeInternalNotes;

  protected AccountEntity() {}

  Optional<MappingSettings> documentChoices() {
    return Optional.ofNullable(includeInternalNotes).map(MappingSettings::new);
  }

  void chooseDocuments(MappingSettings settings) {
    this.includeInternalNotes = settings.includeInternalNotes();
  }

  Account toDomain() {
    return new Account(new AccountId(id), name, plan);
  }

  void rename(String newName) {
    if (newName.length() > NAME_LENGTH) {
      throw new IllegalArgumentException(
          "an account name has at most " + NAME_LENGTH + " characters");
    }
    this.name = newName;
  }

  void changePlan(Plan newPlan) {
    this.plan = newPlan;
  }
}
