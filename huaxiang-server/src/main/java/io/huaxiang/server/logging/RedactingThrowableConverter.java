package io.huaxiang.server.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import io.huaxiang.core.privacy.LogRedactor;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's exception converter ({@code %wEx}) with personal data masked in the messages of the
 * exception and its causes: exception messages often quote the input that was refused. Registered
 * in {@code logback-spring.xml} for every exception conversion word.
 */
public class RedactingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return LogRedactor.redact(SecretFields.mask(super.throwableProxyToString(tp)));
  }
}
