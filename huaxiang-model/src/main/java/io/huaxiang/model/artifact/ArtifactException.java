package io.huaxiang.model.artifact;

/** Signals a model file that cannot be written or read, with the reason a user can act on. */
public final class ArtifactException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ArtifactException(String message, Throwable cause) {
    super(message, cause);
  }

  public ArtifactException(String message) {
    super(message);
  }
}
