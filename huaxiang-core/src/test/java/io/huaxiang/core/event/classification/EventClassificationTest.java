package io.huaxiang.core.event.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.EventType;
import io.huaxiang.core.privacy.Classification;
import io.huaxiang.core.privacy.DataClass;
import io.huaxiang.core.privacy.MaskKind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fails the build when an event attribute has no data class, so none reaches storage unmarked. */
class EventClassificationTest {

  @Test
  void everyComponentOfEveryEventTypeIsClassified() {
    List<String> unclassified = new ArrayList<>();
    for (EventType type : EventType.values()) {
      Map<String, Classification.Entry> classes = Classification.of(type.recordType());
      for (RecordComponent c : type.recordType().getRecordComponents()) {
        if (!classes.containsKey(c.getName())) {
          unclassified.add(type.wire() + "." + c.getName());
        }
      }
    }

    assertThat(unclassified)
        .as("event attributes without @Classified (add one: C1 internal, C2 identity/financial)")
        .isEmpty();
  }

  @Test
  void noEventAttributeIsAuthenticationData() {
    // C3 (passwords, PINs, CVN) is refused at ingestion, so no event may carry a field for it
    for (EventType type : EventType.values()) {
      assertThat(Classification.of(type.recordType()).values())
          .as(type.wire())
          .noneMatch(e -> e.dataClass() == DataClass.C3 || e.mask() == MaskKind.SECRET);
    }
  }

  @Test
  void identityAndMoneyAttributesAreC2() {
    assertThat(classOf(EventType.USER_REGISTERED, "birthDate")).isEqualTo(DataClass.C2);
    assertThat(classOf(EventType.LOAN_APPLIED, "amount")).isEqualTo(DataClass.C2);
    assertThat(classOf(EventType.LOAN_APPLIED, "ip")).isEqualTo(DataClass.C2);
    assertThat(classOf(EventType.REPAYMENT_MADE, "amount")).isEqualTo(DataClass.C2);
    assertThat(classOf(EventType.BUREAU_REPORT, "outstandingDebt")).isEqualTo(DataClass.C2);
    assertThat(classOf(EventType.RELATION, "target")).isEqualTo(DataClass.C2);
  }

  @Test
  void envelopeAttributesAreInternal() {
    for (EventType type : EventType.values()) {
      for (String envelope : List.of("id", "userId", "occurredAt", "source")) {
        assertThat(classOf(type, envelope))
            .as(type.wire() + "." + envelope)
            .isEqualTo(DataClass.C1);
      }
    }
  }

  private static DataClass classOf(EventType type, String component) {
    return Classification.of(type.recordType()).get(component).dataClass();
  }
}
