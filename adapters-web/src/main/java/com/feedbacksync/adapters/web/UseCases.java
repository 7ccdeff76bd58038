package com.feedbacksync.adapters.web;

import com.feedbacksync.application.port.in.ViewAccountUseCase;
import com.feedbacksync.application.port.out.Accounts;
import com.feedbacksync.application.service.AccountService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The composition root: the application's services are plain classes, built here from the adapters
 * that CDI finds for their out-ports.
 */
@ApplicationScoped
public class UseCases {

  @Produces
  @ApplicationScoped
  ViewAccountUseCase viewAccount(Accounts accounts) {
    return new AccountService(accounts);
  }
}
