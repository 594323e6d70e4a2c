package io.huaxiang.server.portrait;

import java.util.List;

/** Told about changed portraits right after they are folded, e.g. to keep segment membership. */
public interface PortraitChangeListener {
  /** Whether changes are needed now; when not, the service skips computing the features. */
  boolean active();

  /** The portraits changed by one applied batch or re-tagging sweep, each once. */
  void changed(List<PortraitChange> changes);
}
