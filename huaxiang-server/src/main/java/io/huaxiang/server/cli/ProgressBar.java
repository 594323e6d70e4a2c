package io.huaxiang.server.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for long CLI jobs: share done, count, rate and time left.
 * Redrawn in place on a terminal; on a pipe or CI log it prints a line every 10%.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final String label;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private int lastDecile = -1;

  ProgressBar(PrintStream out, String label) {
    this.out = out;
    this.label = label;
    this.terminal = System.console() != null;
  }

  /**
   * Reports progress: {@code done} of {@code total} units (total 0 if unknown), {@code count}
   * items.
   */
  void update(long done, long total, long count) {
    long now = System.nanoTime();
    double share = total > 0 ? Math.min(1.0, (double) done / total) : 0;
    int decile = (int) (share * 10);
    if (terminal && now - lastDraw < 100_000_000L) {
      return;
    }
    if (!terminal && decile == lastDecile) {
      return;
    }
    lastDraw = now;
    lastDecile = decile;
    draw(share, total > 0, count, now, terminal ? "\r" : "", terminal ? "" : "\n");
  }

  void finish(long count) {
    draw(1.0, true, count, System.nanoTime(), terminal ? "\r" : "", "\n");
  }

  private void draw(double share, boolean known, long count, long now, String start, String end) {
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    double rate = count / seconds;
    String bar =
        known ? "#".repeat((int) (share * WIDTH)) + ".".repeat(WIDTH - (int) (share * WIDTH)) : "";
    String eta =
        known && share > 0 && share < 1
            ? String.format(Locale.ROOT, " ETA %.0fs", seconds * (1 - share) / share)
            : "";
    out.printf(
        Locale.ROOT,
        "%s%s [%s] %3.0f%% %,d records %,.0f/s%s%s",
        start,
        label,
        bar,
        share * 100,
        count,
        rate,
        eta,
        end);
    out.flush();
  }
}
