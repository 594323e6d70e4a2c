package io.huaxiang.model.pipeline;

/** Receives training progress, e.g. to draw a progress bar in the CLI. */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores progress. */
  ProgressListener NONE = (stage, fraction, message) -> {};

  /**
   * Called when a stage starts, advances or ends.
   *
   * @param stage the current step
   * @param fraction overall progress from 0 to 1
   * @param message what is happening, for people
   */
  void onProgress(Stage stage, double fraction, String message);
}
