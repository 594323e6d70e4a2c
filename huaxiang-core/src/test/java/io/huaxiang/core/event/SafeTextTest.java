package io.huaxiang.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a=b",
        "aGVsbG8gd29ybGQ=",
        "aGk==",
        "utm_source=wechat&utm_medium=share",
        "Xi'an",
        "O'Brien",
        "d'Orsay",
        "rock 'n' roll",
        "杭州市西湖区",
        "1+1 = 2",
        "device-7f3a",
        "10.0.0.1"
      })
  void acceptsOrdinaryTextIncludingEqualsSignsAndApostrophes(String text) {
    assertThat(SafeText.refused(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "' OR '1'='1",
        "x' or 1=1",
        "1' AND '1'='1",
        "admin'='",
        "' union select 1",
        "x'; DROP TABLE events; --",
        "1 UNION SELECT password_hash FROM staff_users --",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)//<",
        "a\u0000b",
        "a\\b",
        "x /* comment */",
        "`id`"
      })
  void refusesInjectionAttempts(String text) {
    assertThat(SafeText.refused(text)).as(text).isTrue();
  }

  @org.junit.jupiter.api.Test
  void refusesTextOverTheLimit() {
    assertThat(SafeText.refused("x".repeat(SafeText.MAX_LENGTH))).isFalse();
    assertThat(SafeText.refused("x".repeat(SafeText.MAX_LENGTH + 1))).isTrue();
    assertThat(SafeText.refused("x".repeat(1_000), 1_000)).isFalse();
  }
}
