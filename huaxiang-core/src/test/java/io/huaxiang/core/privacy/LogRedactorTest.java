package io.huaxiang.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LogRedactorTest {

  @Test
  void masksAnIdNumberInChineseText() {
    assertThat(LogRedactor.redact("身份证号11010519491231002X，手机13812345678，已提交"))
        .isEqualTo("身份证号1****************X，手机138****5678，已提交");
  }

  @Test
  void masksEveryKindInAJsonLogLine() {
    String line =
        "{\"id\":\"110101199003078769\",\"phone\":\"+86 138 1234 5678\","
            + "\"card\":\"6222 0212 3456 7890 128\",\"card2\":\"4111111111111111\",\"amount\":\"5000.00\"}";

    assertThat(LogRedactor.redact(line))
        .isEqualTo(
            "{\"id\":\"1****************9\",\"phone\":\"+86 138****5678\","
                + "\"card\":\"622202*********0128\",\"card2\":\"411111******1111\",\"amount\":\"5000.00\"}");
  }

  @Test
  void reportsWhereEachFindingIs() {
    String text = "a 13812345678 b 4111111111111111";

    assertThat(LogRedactor.find(text))
        .containsExactly(
            new LogRedactor.Finding(MaskKind.PHONE, 2, 13),
            new LogRedactor.Finding(MaskKind.BANK_CARD, 16, 32));
  }

  @Test
  void leavesAnEighteenDigitRunWithAWrongCheckCharacterAlone() {
    String notAnId = "110105194912310021";
    assumeThat(CheckDigits.luhnValid(notAnId)).isFalse();

    assertThat(LogRedactor.redact("ref " + notAnId)).isEqualTo("ref " + notAnId);
  }

  @Test
  void leavesLuhnInvalidCardLengthRunsAndTimestampsAlone() {
    String text = "trace 4111111111111112 at 1700000000000 took 13ms";

    assertThat(LogRedactor.redact(text)).isEqualTo(text);
    assertThat(LogRedactor.containsPersonalData(text)).isFalse();
  }

  @Test
  void leavesLuhnValidSnowflakeIdsAlone() {
    String payload = "178923456789012345";
    String snowflake = payload + CheckDigits.luhnCheckDigit(payload);

    assertThat(LogRedactor.redact("order_id=" + snowflake)).isEqualTo("order_id=" + snowflake);
  }

  @Test
  void masksAnOldDomesticCardStartingWith9() {
    String payload = "955880123456789012";
    String card = payload + CheckDigits.luhnCheckDigit(payload);

    assertThat(LogRedactor.redact("card " + card))
        .isEqualTo("card 955880*********" + card.substring(15));
  }

  @Test
  void doesNotTakeAPhoneOutOfALongerNumber() {
    String orderNo = "20231138123456789012345"; // 23 digits, contains 13812345678
    assertThat(LogRedactor.redact("order " + orderNo)).isEqualTo("order " + orderNo);
  }

  @Test
  void masksAPhoneGluedToLetters() {
    assertThat(LogRedactor.redact("uid=7,mobile13812345678x"))
        .isEqualTo("uid=7,mobile138****5678x");
  }

  @Test
  void handlesNullAndDigitFreeText() {
    assertThat(LogRedactor.redact(null)).isNull();
    assertThat(LogRedactor.find("no digits here")).isEmpty();
  }

  @Property(tries = 300)
  void noIdentifierSurvivesAndRedactingTwiceChangesNothing(@ForAll("logLines") String line) {
    String once = LogRedactor.redact(line);

    assertThat(once).doesNotContain(ID, PHONE, CARD);
    assertThat(LogRedactor.find(once)).isEmpty();
    assertThat(LogRedactor.redact(once)).isEqualTo(once);
  }

  static final String ID = "11010519491231002X";
  static final String PHONE = "13987654321";
  static final String CARD = "6228480012345678903";

  @Provide
  Arbitrary<String> logLines() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.of(
                "user", "申请", "loan=", "amount=5000.00", "ok", "{\"k\":", "\"}", "ts=1700000000"),
            Arbitraries.of(ID, PHONE, CARD, "+86" + PHONE, "6228 4800 1234 5678 903"));
    Arbitrary<String> sep = Arbitraries.of(" ", ",", "：", "\t", "=");
    return word.list()
        .ofMinSize(1)
        .ofMaxSize(12)
        .flatMap(ws -> sep.list().ofSize(ws.size()).map(ss -> join(ws, ss)));
  }

  private static String join(List<String> words, List<String> seps) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      sb.append(words.get(i)).append(seps.get(i));
    }
    return sb.toString();
  }
}
