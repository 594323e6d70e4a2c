package io.huaxiang.server.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.huaxiang.core.privacy.LogRedactor;

/**
 * Logback's {@code %m} with resident ID numbers, mobile phones and bank card numbers masked, and
 * the values of secret fields ({@link SecretFields}), so a careless {@code log.warn("bad id {}",
 * raw)} leaks nothing. Registered for {@code m}, {@code msg} and {@code message} in {@code
 * logback-spring.xml}.
 */
public class RedactingMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return LogRedactor.redact(SecretFields.mask(super.convert(event)));
  }
}
