package io.huaxiang.server.privacy;

import io.huaxiang.store.SubjectStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The users whose data was erased, held in memory so ingestion and the projector can keep them out
 * without a query per event. Loaded from the {@code erasures} table at start.
 */
public final class ErasedUsers implements Predicate<String> {
  private final Set<String> users = ConcurrentHashMap.newKeySet();

  public ErasedUsers(SubjectStore store) {
    users.addAll(store.erasedUsers());
  }

  /** Marks a user erased (before their rows are deleted, so nothing re-creates them). */
  void add(String userId) {
    users.add(userId);
  }

  @Override
  public boolean test(String userId) {
    return users.contains(userId);
  }
}
