package io.huaxiang.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassificationTest {

  record Applicant(
      @Classified(value = DataClass.C2, mask = MaskKind.NAME) String name,
      @Classified(value = DataClass.C2, mask = MaskKind.ID_NUMBER) String idNumber,
      @Classified(value = DataClass.C3, mask = MaskKind.SECRET) String paymentPin,
      @Classified(DataClass.C1) String channel,
      int requestedMonths) {}

  static final class LegacyRow {
    @Classified(value = DataClass.C2, mask = MaskKind.PHONE)
    String phone;

    String status;
  }

  @Test
  void readsRecordComponentsInDeclarationOrder() {
    var entries = Classification.of(Applicant.class);

    assertThat(entries.keySet()).containsExactly("name", "idNumber", "paymentPin", "channel");
    assertThat(entries.get("idNumber").dataClass()).isEqualTo(DataClass.C2);
    assertThat(entries.get("idNumber").mask()).isEqualTo(MaskKind.ID_NUMBER);
    assertThat(entries.get("channel").mask()).isEqualTo(MaskKind.GENERIC);
  }

  @Test
  void readsFieldsOfOrdinaryClasses() {
    assertThat(Classification.of(LegacyRow.class))
        .containsOnlyKeys("phone")
        .extractingByKey("phone")
        .extracting(Classification.Entry::mask)
        .isEqualTo(MaskKind.PHONE);
  }

  @Test
  void handlingFollowsTheClass() {
    assertThat(DataClass.C3.mayBeRetained()).isFalse();
    assertThat(DataClass.C2.encryptAtRest()).isTrue();
    assertThat(DataClass.C1.maskWhenShown()).isFalse();
    assertThat(DataClass.C2.zh()).contains("身份证号");
    assertThat(DataClass.C3.en()).contains("CVN");
  }

  @Test
  void maskedToStringHidesC2AndC3AndKeepsTheRest() {
    Applicant a = new Applicant("张三丰", "11010519491231002X", "123456", "app", 12);

    assertThat(Classification.maskedToString(a))
        .isEqualTo(
            "Applicant[name=张**, idNumber=1****************X, paymentPin=******, channel=app,"
                + " requestedMonths=12]");
    assertThat(a.toString()).contains("11010519491231002X"); // why records need the override
  }
}
