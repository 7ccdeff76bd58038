package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.port.out.DocumentChoices;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.document.MappingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The {@link DocumentChoices} port on MariaDB: a column of the account's row. */
@ApplicationScoped
@Transactional
public class JpaDocumentChoices implements DocumentChoices {

  @PersistenceContext(unitName = "feedbacksync")
  private EntityManager em;

  @Override
  public Optional<MappingSettings> chosen(AccountId account) {
    return Optional.ofNullable(em.find(AccountEntity.class, account.value()))
        .flatMap(AccountEntity::documentChoices);
  }

  @Override
  public boolean choose(AccountId account, MappingSettings settings) {
    AccountEntity row = em.find(AccountEntity.class, account.value());
    if (row == null) {
      return false;
    }
    row.chooseDocuments(settings);
    return true;
  }
}
