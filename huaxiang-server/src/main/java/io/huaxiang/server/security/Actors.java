package io.huaxiang.server.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, from the authenticated principal: the one source of the audit actor. A header
 * such as {@code X-Huaxiang-Actor} is never trusted for it.
 */
public final class Actors {
  private Actors() {}

  /** {@code staff:<username>}, {@code client:<key name>} or {@code anonymous}. */
  public static String current() {
    Object p = principal();
    if (p instanceof StaffPrincipal s) {
      return s.actor();
    }
    if (p instanceof ClientPrincipal c) {
      return c.actor();
    }
    return "anonymous";
  }

  /** The signed-in staff member's role; empty for machine clients and anonymous callers. */
  public static Optional<Role> role() {
    return principal() instanceof StaffPrincipal s ? Optional.of(s.role()) : Optional.empty();
  }

  /** The calling machine client; empty for staff and anonymous callers. */
  public static Optional<ClientPrincipal> client() {
    return principal() instanceof ClientPrincipal c ? Optional.of(c) : Optional.empty();
  }

  /**
   * Whether the caller may see personal (C2) data in clear: only compliance, who serve data-subject
   * requests. Everyone else gets identifiers masked (see {@link ResponseMasking}).
   */
  public static boolean seesClearPersonalData() {
    return role().filter(r -> r == Role.COMPLIANCE).isPresent();
  }

  private static Object principal() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a == null ? null : a.getPrincipal();
  }
}
