package io.huaxiang.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensitiveTextTest {

  @Test
  void printsMaskedAndRevealsOnlyOnRequest() {
    SensitiveText phone = SensitiveText.of("13812345678", MaskKind.PHONE);

    assertThat(phone).hasToString("138****5678");
    assertThat(String.format("calling %s", phone)).isEqualTo("calling 138****5678");
    assertThat(phone.reveal()).isEqualTo("13812345678");
  }

  @Test
  void equalByValueAndKind() {
    assertThat(SensitiveText.of("张三", MaskKind.NAME))
        .isEqualTo(SensitiveText.of("张三", MaskKind.NAME))
        .isNotEqualTo(SensitiveText.of("张三", MaskKind.GENERIC));
  }
}
