package io.huaxiang.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretFieldsTest {

  @Test
  void masksJsonQuotedAndKeyValueSecrets() {
    assertThat(
            SecretFields.mask("{\"user_id\":\"u-1\",\"password\":\"hunter2\",\"PIN\": \"4321\"}"))
        .isEqualTo("{\"user_id\":\"u-1\",\"password\":\"******\",\"PIN\": \"******\"}");
    assertThat(SecretFields.mask("login failed: pin=4321&otp=998877 cvv2: 123"))
        .isEqualTo("login failed: pin=******&otp=****** cvv2: ******");
    assertThat(SecretFields.mask("{'sms_code': '5566'}")).isEqualTo("{'sms_code': '******'}");
  }

  @Test
  void masksAValueCutShortByATruncatedLogLine() {
    assertThat(SecretFields.mask("[\"{\"password\":\"hunter2 (truncated)...\"]"))
        .doesNotContain("hunter2");
  }

  @Test
  void leavesOtherWordsAndFieldsAlone() {
    String text = "ping host; pinned=true; spinner: on; user_id=u-1; amount: 3000";
    assertThat(SecretFields.mask(text)).isEqualTo(text);
    assertThat(SecretFields.mask("")).isEmpty();
  }
}
