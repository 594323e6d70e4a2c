package io.huaxiang.server.privacy;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** Who is calling: the signed-in principal when there is one, else the declared actor header. */
final class Actors {
  static final String ACTOR_HEADER = "X-Huaxiang-Actor";

  private Actors() {}

  static String of(HttpServletRequest request) {
    Principal p = request.getUserPrincipal();
    if (p != null && p.getName() != null && !p.getName().isBlank()) {
      return p.getName();
    }
    String header = request.getHeader(ACTOR_HEADER);
    return header == null || header.isBlank() ? "anonymous" : header.strip();
  }
}
