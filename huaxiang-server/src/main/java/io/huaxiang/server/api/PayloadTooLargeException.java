package io.huaxiang.server.api;

import java.io.IOException;

/** The request body grew past the configured limit while being read. */
public final class PayloadTooLargeException extends IOException {
  public PayloadTooLargeException(long limit) {
    super("request body exceeds the limit of " + limit + " bytes");
  }
}
