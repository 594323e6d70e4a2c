package io.huaxiang.server.security;

import java.security.Principal;

/** A signed-in member of staff. */
public record StaffPrincipal(String username, Role role) implements Principal {
  @Override
  public String getName() {
    return username;
  }

  /** The audit actor, {@code staff:<username>}. */
  public String actor() {
    return "staff:" + username;
  }
}
