package com.feedbacksync.adapters.persistence;

import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.domain.account.Account;
import com.feedbacksync.domain.account.AccountId;
import com.feedbacksync.domain.account.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The {@link Accounts} port on MariaDB. */
@ApplicationScoped
@Transactional
public class JpaAccounts implements Accounts {

  @PersistenceContext(unitName = "feedbacksync")
  private EntityManager em;

  @Override
  public Optional<Account> find(AccountId id) {
    return Optional.ofNullable(em.find(AccountEntity.class, id.value()))
        .map(AccountEntity::toDomain);
  }

  @Override
  public boolean changePlan(AccountId id, Plan plan) {
    AccountEntity account = em.find(AccountEntity.class, id.value());
    if (account == null) {
      return false;
    }
    account.changePlan(plan);
    return true;
  }
}
