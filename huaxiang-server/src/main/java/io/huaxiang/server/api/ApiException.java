package io.huaxiang.server.api;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses for a reason the caller can fix, with the HTTP status, a stable reason
 * code and messages in English and Chinese.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String reason;
  private final String messageZh;

  public ApiException(HttpStatus status, String reason, String message, String messageZh) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.messageZh = messageZh;
  }

  public static ApiException notFound(String what, String whatZh) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found", "未找到" + whatZh);
  }

  public HttpStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String messageZh() {
    return messageZh;
  }
}
