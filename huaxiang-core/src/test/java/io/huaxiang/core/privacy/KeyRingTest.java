package io.huaxiang.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  static final byte[] K1 = filled(1);
  static final byte[] K2 = filled(2);

  static byte[] filled(int b) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) b);
    return key;
  }

  static String b64(byte[] key) {
    return Base64.getEncoder().encodeToString(key);
  }

  @Test
  void parsesTheSpecFormAsFileOrEnvironmentVariable() {
    KeyRing ring = KeyRing.parse("active=k2;k1=" + b64(K1) + ";k2=" + b64(K2));
    KeyRing fromFile = KeyRing.parse("k1=" + b64(K1) + "\n k2=" + b64(K2) + "\nactive=k2\n");

    assertThat(ring.activeKeyId()).isEqualTo("k2");
    assertThat(ring.keyIds()).containsExactly("k1", "k2");
    assertThat(fromFile.activeKeyId()).isEqualTo("k2");
  }

  @Test
  void neverPrintsKeyMaterial() {
    KeyRing ring = KeyRing.of("k1", Map.of("k1", K1));

    assertThat(ring.toString()).isEqualTo("KeyRing[active=k1, keys=[k1]]").doesNotContain(b64(K1));
  }

  @Test
  void rejectsKeysOfTheWrongLength() {
    assertThatThrownBy(() -> KeyRing.of("k1", Map.of("k1", new byte[16])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key 'k1' must be 32 bytes for AES-256, got 16");
  }

  @Test
  void rejectsAMissingOrUnknownActiveKey() {
    assertThatThrownBy(() -> KeyRing.parse("k1=" + b64(K1)))
        .hasMessage("key ring has no 'active=<id>' entry");
    assertThatThrownBy(() -> KeyRing.parse("active=k9;k1=" + b64(K1)))
        .hasMessage("active key 'k9' is not in the key ring [k1]");
  }

  @Test
  void rejectsBadIdsBase64AndDuplicates() {
    assertThatThrownBy(() -> KeyRing.parse("active=k:1;k:1=" + b64(K1)))
        .hasMessageContaining("key id must be 1-32 characters");
    assertThatThrownBy(() -> KeyRing.parse("active=k1;k1=not base64!"))
        .hasMessage("key 'k1' is not valid base64");
    assertThatThrownBy(() -> KeyRing.parse("active=k1;k1=" + b64(K1) + ";k1=" + b64(K2)))
        .hasMessage("key 'k1' appears twice in the key ring");
  }

  @Test
  void copiesKeyBytesSoLaterChangesToTheArrayDoNotLeakIn() {
    byte[] key = filled(7);
    KeyRing ring = KeyRing.of("k1", Map.of("k1", key));
    FieldCipher cipher = new FieldCipher(ring, new java.security.SecureRandom());
    String c = cipher.encrypt("x", AssociatedData.of("t.c", "u1"));

    java.util.Arrays.fill(key, (byte) 0);

    assertThat(cipher.decrypt(c, AssociatedData.of("t.c", "u1"))).isEqualTo("x");
  }
}
