package io.huaxiang.server.segments;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Once the portraits are loaded, evaluates in bulk the segments whose latest version real-time
 * membership has not seen yet (saved by a CLI, or before membership was kept).
 */
@Component
class SegmentMembershipLifecycle implements SmartLifecycle {
  private final SegmentMembershipService membership;
  private volatile boolean running;

  SegmentMembershipLifecycle(SegmentMembershipService membership) {
    this.membership = membership;
  }

  @Override
  public void start() {
    membership.catchUpDefinitions();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // after PortraitLifecycle (MAX_VALUE - 4096), before the web server (MAX_VALUE - 2048)
    return Integer.MAX_VALUE - 3072;
  }
}
