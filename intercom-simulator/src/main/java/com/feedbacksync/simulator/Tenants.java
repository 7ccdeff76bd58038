package com.feedbacksync.simulator;

import com.feedbacksync.simulator.Http.Request;
import com.feedbacksync.simulator.Http.Route;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The workspaces a simulator serves and the routing of each API call to one of them: by its bearer
 * token (the workspace the token was issued for), or, for the OAuth token exchange, by the code it
 * exchanges. A call with no token Intercom knows goes to the first workspace, whose gate refuses
 * it.
 */
final class Tenants {

  private static final String TOKEN_EXCHANGE = "POST /auth/eagle/token";

  private final List<Tenant> tenants;
  private final Tokens tokens;
  private final OAuth oauth;

  /** Generates every workspace of the config, each wired to the shared tokens, OAuth and files. */
  Tenants(SimulatorConfig config, Tokens tokens, OAuth oauth, Files files, Supplier<String> base) {
    this.tokens = tokens;
    this.oauth = oauth;
    List<Tenant> all = new ArrayList<>(config.workspaces());
    for (int i = 0; i < config.workspaces(); i++) {
      all.add(new Tenant(config.tenant(i), tokens, oauth, files, base));
    }
    this.tenants = List.copyOf(all);
  }

  Tenant first() {
    return tenants.get(0);
  }

  Tenant get(int index) {
    if (index < 0 || index >= tenants.size()) {
      throw new IllegalArgumentException(
          "workspace " + index + " of " + tenants.size() + " does not exist");
    }
    return tenants.get(index);
  }

  int size() {
    return tenants.size();
  }

  List<Tenant> all() {
    return tenants;
  }

  /** The call goes through its workspace's gate to that workspace's route. */
  void pass(Route route, Request request) throws IOException {
    of(route, request).pass(route, request);
  }

  private Tenant of(Route route, Request request) {
    Optional<Integer> index =
        Tokens.bearer(request)
            .flatMap(tokens::workspaceOf)
            .or(
                () ->
                    route.endpoint().equals(TOKEN_EXCHANGE)
                        ? oauth.workspaceOfCode(request.form().get("code"))
                        : Optional.empty());
    return tenants.get(index.orElse(0));
  }
}
