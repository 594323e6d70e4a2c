package io.huaxiang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.RelationKind;
import io.huaxiang.core.event.RelationLinked;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.core.privacy.FieldCipherException;
import io.huaxiang.core.privacy.KeyRing;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Sealing keeps identifiers out of the payload and gives them back exactly to those who open it.
 */
class EventSealerTest {
  private static final byte[] FIELD = new byte[32];
  private static final byte[] LOOKUP = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      FIELD[i] = (byte) i;
      LOOKUP[i] = (byte) (100 + i);
    }
  }

  private final FieldProtection protection =
      FieldProtection.of(KeyRing.of("k1", Map.of("k1", FIELD)), LOOKUP);
  private final EventSealer sealer = new EventSealer(new EventJson(), protection);
  private final Instant at = Instant.parse("2026-05-01T00:00:00Z");

  @Test
  void theProjectorSeesPseudonymsAndTheReaderTheClearValues() {
    SessionStarted session =
        new SessionStarted(
            new EventId("e1"), new UserId("u1"), at, "app", "dev-1", "10.0.0.1", "上海");

    EventSealer.Sealed sealed = sealer.seal(session);

    assertThat(sealed.payload()).doesNotContain("dev-1").doesNotContain("10.0.0.1").contains("上海");
    assertThat(((SessionStarted) sealed.event()).deviceId()).startsWith("lk:").hasSize(35);
    assertThat(sealed.sealed()).contains("\"device_id\":\"hx1:k1:");
    assertThat(sealed.keyId()).isEqualTo("k1");
    assertThat(sealer.open(sealed.payload(), sealed.sealed())).isEqualTo(session);
    assertThat(sealer.pseudonymous(sealed.payload())).isEqualTo(sealed.event());
  }

  @Test
  void aCiphertextMovedToAnotherEventDoesNotOpen() {
    EventSealer.Sealed a =
        sealer.seal(
            new RelationLinked(
                new EventId("a"), new UserId("u1"), at, "app", RelationKind.PHONE, "13812345678"));
    EventSealer.Sealed b =
        sealer.seal(
            new RelationLinked(
                new EventId("b"), new UserId("u2"), at, "app", RelationKind.PHONE, "13900001111"));

    assertThatThrownBy(() -> sealer.open(b.payload(), a.sealed()))
        .isInstanceOf(FieldCipherException.class)
        .hasMessageNotContaining("13812345678");
  }

  @Test
  void equalPhonesWrittenDifferentlyGetOnePseudonym() {
    String plain = sealer.phonePseudonym("13812345678");
    EventSealer.Sealed linked =
        sealer.seal(
            new RelationLinked(
                new EventId("c"),
                new UserId("u3"),
                at,
                "app",
                RelationKind.CONTACT,
                "+86 138 1234 5678"));
    assertThat(((RelationLinked) linked.event()).target()).isEqualTo(plain);
  }

  @Property(tries = 200)
  void theCachedPseudonymIsTheLookupHash(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String value) {
    String first = protection.pseudonym("device", value);
    assertThat(protection.pseudonym("device", value)).isEqualTo(first);
    assertThat(first).isEqualTo(protection.slowPseudonym("device", value));
    assertThat(protection.pseudonym("ip", value)).isNotEqualTo(first);
  }
}
