package io.huaxiang.core.privacy;

import static io.huaxiang.core.privacy.KeyRingTest.K1;
import static io.huaxiang.core.privacy.KeyRingTest.K2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

  static final AssociatedData ALICE_ID = AssociatedData.of("users.id_number", "u-1001");

  final KeyRing oldRing = KeyRing.of("k1", Map.of("k1", K1));
  final KeyRing rotatedRing = ring("k2");
  final FieldCipher oldCipher = new FieldCipher(oldRing, new SecureRandom());
  final FieldCipher cipher = new FieldCipher(rotatedRing, new SecureRandom());

  static KeyRing ring(String active) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    keys.put("k1", K1);
    keys.put("k2", K2);
    return KeyRing.of(active, keys);
  }

  @Test
  void roundTripsAndNamesTheActiveKey() {
    String c = cipher.encrypt("11010519491231002X", ALICE_ID);

    assertThat(c).startsWith("hx1:k2:").doesNotContain("11010519491231002X");
    assertThat(FieldCipher.keyIdOf(c)).isEqualTo("k2");
    assertThat(cipher.decrypt(c, ALICE_ID)).isEqualTo("11010519491231002X");
  }

  @Test
  void carriesA96BitNonceAndA128BitTag() {
    String plaintext = "13812345678";
    String c = cipher.encrypt(plaintext, ALICE_ID);
    byte[] body = Base64.getUrlDecoder().decode(c.split(":")[2]);

    assertThat(body).hasSize(12 + plaintext.length() + 16);
  }

  @Test
  void theSameValueEncryptsDifferentlyEachTime() {
    assertThat(cipher.encrypt("13812345678", ALICE_ID))
        .isNotEqualTo(cipher.encrypt("13812345678", ALICE_ID));
  }

  @Test
  void aValueMovedToAnotherRowOrColumnDoesNotDecrypt() {
    String c = cipher.encrypt("11010519491231002X", ALICE_ID);

    assertThatThrownBy(() -> cipher.decrypt(c, AssociatedData.of("users.id_number", "u-1002")))
        .isInstanceOf(FieldCipherException.class)
        .hasMessageContaining("belongs to another row or column")
        .extracting(e -> ((FieldCipherException) e).reason())
        .isEqualTo(FieldCipherException.Reason.NOT_AUTHENTIC);
    assertThatThrownBy(() -> cipher.decrypt(c, AssociatedData.of("users.phone", "u-1001")))
        .extracting(e -> ((FieldCipherException) e).reason())
        .isEqualTo(FieldCipherException.Reason.NOT_AUTHENTIC);
  }

  @Test
  void associatedDataPartsCannotBeShiftedAcrossTheBoundary() {
    String c = cipher.encrypt("x", AssociatedData.of("a|b", "c"));

    assertThatThrownBy(() -> cipher.decrypt(c, AssociatedData.of("a", "b|c")))
        .isInstanceOf(FieldCipherException.class);
  }

  @Test
  void anyFlippedBitIsDetected() {
    String c = cipher.encrypt("13812345678", ALICE_ID);
    byte[] body = Base64.getUrlDecoder().decode(c.split(":")[2]);
    for (int i = 0; i < body.length; i++) {
      byte[] tampered = body.clone();
      tampered[i] ^= 0x01;
      String forged = "hx1:k2:" + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

      assertThatThrownBy(() -> cipher.decrypt(forged, ALICE_ID))
          .as("flip in byte %d", i)
          .isInstanceOf(FieldCipherException.class);
    }
  }

  @Test
  void relabellingTheKeyIdIsDetected() {
    String c = cipher.encrypt("13812345678", ALICE_ID);
    String relabelled = c.replace("hx1:k2:", "hx1:k1:");

    assertThatThrownBy(() -> cipher.decrypt(relabelled, ALICE_ID))
        .extracting(e -> ((FieldCipherException) e).reason())
        .isEqualTo(FieldCipherException.Reason.NOT_AUTHENTIC);
  }

  @Test
  void rotationMovesOldValuesToTheActiveKey() {
    String old = oldCipher.encrypt("6222021234567890128", ALICE_ID);

    assertThat(cipher.needsRotation(old)).isTrue();
    String rotated = cipher.rotate(old, ALICE_ID);

    assertThat(FieldCipher.keyIdOf(rotated)).isEqualTo("k2");
    assertThat(cipher.needsRotation(rotated)).isFalse();
    assertThat(cipher.decrypt(rotated, ALICE_ID)).isEqualTo("6222021234567890128");
    // once k1 is retired, the rotated value still decrypts and the old one does not
    FieldCipher retired = new FieldCipher(KeyRing.of("k2", Map.of("k2", K2)), new SecureRandom());
    assertThat(retired.decrypt(rotated, ALICE_ID)).isEqualTo("6222021234567890128");
    assertThatThrownBy(() -> retired.decrypt(old, ALICE_ID))
        .isInstanceOf(FieldCipherException.class)
        .hasMessageContaining("key 'k1', which is not in the key ring [k2]")
        .extracting(e -> ((FieldCipherException) e).reason())
        .isEqualTo(FieldCipherException.Reason.UNKNOWN_KEY);
  }

  @Test
  void rotatingACurrentValueKeepsItButStillAuthenticatesIt() {
    String current = cipher.encrypt("x", ALICE_ID);

    assertThat(cipher.rotate(current, ALICE_ID)).isEqualTo(current);
    assertThatThrownBy(() -> cipher.rotate(current, AssociatedData.of("users.phone", "u-1001")))
        .isInstanceOf(FieldCipherException.class);
  }

  @Test
  void malformedTextIsRejectedWithTheExpectedForm() {
    for (String bad : new String[] {"", "plain text", "hx2:k1:AAAA", "hx1:k1:!!!", "hx1:k1:AAAA"}) {
      assertThatThrownBy(() -> cipher.decrypt(bad, ALICE_ID))
          .as(bad)
          .isInstanceOf(FieldCipherException.class)
          .hasMessageStartingWith("not a field ciphertext")
          .extracting(e -> ((FieldCipherException) e).reason())
          .isEqualTo(FieldCipherException.Reason.MALFORMED);
    }
  }

  @Test
  void associatedDataMustNameColumnAndOwner() {
    assertThatThrownBy(() -> AssociatedData.of(" ", "u1")).hasMessage("column must not be blank");
  }

  @Property(tries = 200)
  void anyTextRoundTrips(@ForAll String plaintext, @ForAll("owners") String owner) {
    AssociatedData ad = AssociatedData.of("users.note", owner);

    assertThat(cipher.decrypt(cipher.encrypt(plaintext, ad), ad)).isEqualTo(plaintext);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> owners() {
    return net.jqwik.api.Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
  }
}
