package io.huaxiang.server.security;

import io.huaxiang.store.StaffUserStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Object-level rules: whether the caller may see one particular object, beyond whether its role may
 * use the endpoint at all ({@link EndpointRules}).
 *
 * <p>Segments: marketing sees and changes only segments created by marketing staff. Membership of a
 * segment is personal data (C2, {@code segment_members.segment}): a risk team's segment such as
 * "overdue now" or "heavy borrowers" would tell marketing about people's finances. Other roles see
 * every segment. A hidden object is answered like a missing one (404), so its existence does not
 * leak either.
 */
@Component
public class Ownership {
  private final StaffUserStore users;

  public Ownership(StaffUserStore users) {
    this.users = users;
  }

  /** Whether the caller may see a segment created by {@code ownerActor}. */
  public boolean segmentVisible(String ownerActor) {
    if (Actors.role().filter(r -> r == Role.MARKETING).isEmpty()) {
      return true;
    }
    return roleOf(ownerActor).filter(r -> r == Role.MARKETING).isPresent();
  }

  private Optional<Role> roleOf(String actor) {
    if (actor == null || !actor.startsWith("staff:")) {
      return Optional.empty();
    }
    return users.find(actor.substring("staff:".length())).flatMap(u -> Role.fromWire(u.role()));
  }
}
