package io.huaxiang.server.security;

import java.security.Principal;
import java.util.Set;

/** A machine client authenticated by its API key. */
public record ClientPrincipal(String keyName, Set<Scope> scopes) implements Principal {
  public ClientPrincipal {
    scopes = Set.copyOf(scopes);
  }

  @Override
  public String getName() {
    return keyName;
  }

  /** The audit actor, {@code client:<key name>}. */
  public String actor() {
    return "client:" + keyName;
  }
}
