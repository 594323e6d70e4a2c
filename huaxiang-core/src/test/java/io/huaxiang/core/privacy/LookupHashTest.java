package io.huaxiang.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class LookupHashTest {

  final LookupHash lookup = new LookupHash(KeyRingTest.filled(9));

  @Test
  void isStableSoEqualValuesJoin() {
    assertThat(lookup.hash("id_number", "11010519491231002X"))
        .isEqualTo(lookup.hash("id_number", "11010519491231002X"))
        .hasSize(64)
        .matches("[0-9a-f]{64}");
  }

  @Test
  void isHmacSha256OverTheLengthPrefixedDomainAndTheValue() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KeyRingTest.filled(9), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal("5:phone13812345678".getBytes(StandardCharsets.UTF_8)));

    assertThat(lookup.hash("phone", "13812345678")).isEqualTo(expected);
  }

  @Test
  void differsByDomainAndByKey() {
    String digits = "6222021234567890";

    assertThat(lookup.hash("bank_card", digits)).isNotEqualTo(lookup.hash("account_no", digits));
    assertThat(new LookupHash(KeyRingTest.filled(8)).hash("bank_card", digits))
        .isNotEqualTo(lookup.hash("bank_card", digits));
  }

  @Test
  void rejectsShortKeysAndBlankDomains() {
    assertThatThrownBy(() -> new LookupHash(new byte[16]))
        .hasMessage("lookup hash key must be at least 32 bytes, got 16");
    assertThatThrownBy(() -> lookup.hash(" ", "x")).hasMessage("domain must not be blank");
    assertThat(lookup.toString()).doesNotContain("09");
  }
}
