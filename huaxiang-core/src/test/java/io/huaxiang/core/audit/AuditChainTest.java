package io.huaxiang.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.audit.VerificationResult.Broken;
import io.huaxiang.core.audit.VerificationResult.Intact;
import io.huaxiang.core.audit.VerificationResult.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

  static AuditEvent viewId(int minute, String user) {
    return new AuditEvent(
        T0.plusSeconds(60L * minute),
        "staff:s-17",
        "VIEW_ID_NUMBER",
        "CREDIT_REVIEW",
        "user:" + user,
        "{\"application\":\"a-" + minute + "\"}");
  }

  static List<AuditEntry> chain(int n) {
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AuditEvent event = viewId(i, "u-" + (1000 + i));
      entries.add(i == 0 ? AuditChain.first(event) : AuditChain.append(entries.get(i - 1), event));
    }
    return entries;
  }

  @Test
  void theFirstEntryPointsToTheGenesisHashAndEachNextToItsPredecessor() {
    List<AuditEntry> entries = chain(3);

    assertThat(entries.get(0).seq()).isEqualTo(1);
    assertThat(entries.get(0).prevHash()).isEqualTo("0".repeat(64));
    assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
    assertThat(entries.get(2).seq()).isEqualTo(3);
  }

  @Test
  void theHashIsSha256OfTheDocumentedCanonicalEncoding() throws Exception {
    AuditEntry e = AuditChain.first(viewId(0, "u-1"));
    String canonical =
        "huaxiang-audit-v1\n"
            + "seq=1:1\n"
            + "at=20:2026-03-01T02:00:00Z\n"
            + "actor=10:staff:s-17\n"
            + "action=14:VIEW_ID_NUMBER\n"
            + "purpose=13:CREDIT_REVIEW\n"
            + "subject=8:user:u-1\n"
            + "details=21:{\"application\":\"a-0\"}\n"
            + "prevHash=64:"
            + "0".repeat(64)
            + "\n";
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));

    assertThat(e.hash()).isEqualTo(expected);
  }

  @Test
  void movingTextBetweenFieldsChangesTheHash() {
    AuditEntry a =
        AuditChain.first(new AuditEvent(T0, "staff:1", "VIEW", "REVIEW", "user:u-1", "x"));
    AuditEntry b =
        AuditChain.first(new AuditEvent(T0, "staff:1", "VIEW", "REVIEW", "user:u-", "1x"));

    assertThat(a.hash()).isNotEqualTo(b.hash());
  }

  @Test
  void chineseDetailsAreHashedAsUtf8() {
    AuditEntry e =
        AuditChain.first(new AuditEvent(T0, "staff:1", "查看", "贷前审核", "user:u-1", "查看身份证号"));

    assertThat(AuditChain.verify(List.of(e)).intact()).isTrue();
  }

  @Test
  void keepsMicrosecondsOnlySoTheEntrySurvivesPostgres() {
    AuditEntry e =
        AuditChain.first(
            new AuditEvent(T0.plusNanos(123_456_789), "staff:1", "VIEW", "REVIEW", "user:u-1", ""));

    assertThat(e.at()).isEqualTo(T0.plusNanos(123_456_000));
    assertThat(AuditChain.verify(List.of(e)).intact()).isTrue();
  }

  @Test
  void anIntactChainReportsItsHead() {
    List<AuditEntry> entries = chain(5);

    VerificationResult result = AuditChain.verify(entries);

    assertThat(result).isEqualTo(new Intact(5, entries.get(4).checkpoint()));
    assertThat(AuditChain.verify(List.of())).isEqualTo(new Intact(0, Checkpoint.GENESIS));
  }

  @Test
  void namesTheAlteredEntry() {
    List<AuditEntry> entries = new ArrayList<>(chain(5));
    AuditEntry e = entries.get(2);
    entries.set(2, withDetails(e, "{\"application\":\"a-999\"}"));

    Broken broken = (Broken) AuditChain.verify(entries);

    assertThat(broken.position()).isEqualTo(2);
    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.problem()).isEqualTo(Problem.CONTENT_ALTERED);
    assertThat(broken.explanation())
        .isEqualTo("条目内容被篡改 / entry content was altered: entry seq 3 does not match its own hash");
  }

  @Test
  void anAlteredEntryWithARecomputedHashBreaksTheNextLink() {
    List<AuditEntry> entries = new ArrayList<>(chain(5));
    entries.set(2, rehashed(withDetails(entries.get(2), "covered up")));

    Broken broken = (Broken) AuditChain.verify(entries);

    assertThat(broken.position()).isEqualTo(3);
    assertThat(broken.problem()).isEqualTo(Problem.LINK_BROKEN);
    assertThat(broken.explanation()).contains("entry seq 3 was rewritten");
  }

  @Test
  void aDeletedEntryLeavesAGap() {
    List<AuditEntry> entries = new ArrayList<>(chain(5));
    entries.remove(1);

    Broken broken = (Broken) AuditChain.verify(entries);

    assertThat(broken.position()).isEqualTo(1);
    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.problem()).isEqualTo(Problem.SEQUENCE_GAP);
    assertThat(broken.explanation()).endsWith("expected seq 2, found 3");
  }

  @Test
  void aDuplicatedEntryIsOutOfOrder() {
    List<AuditEntry> entries = new ArrayList<>(chain(4));
    entries.add(2, entries.get(1));

    Broken broken = (Broken) AuditChain.verify(entries);

    assertThat(broken.position()).isEqualTo(2);
    assertThat(broken.problem()).isEqualTo(Problem.OUT_OF_ORDER);
  }

  @Test
  void removingTheNewestEntriesIsCaughtOnlyByAPublishedCheckpoint() {
    List<AuditEntry> entries = chain(6);
    Checkpoint published = entries.get(5).checkpoint();
    List<AuditEntry> truncated = entries.subList(0, 4);

    assertThat(AuditChain.verify(truncated).intact()).isTrue();
    Broken broken = (Broken) AuditChain.verify(truncated, Checkpoint.GENESIS, published);
    assertThat(broken.problem()).isEqualTo(Problem.TRUNCATED);
    assertThat(broken.position()).isEqualTo(4);
    assertThat(broken.seq()).isEqualTo(6);
  }

  @Test
  void aRewrittenHistoryIsCaughtByAPublishedCheckpoint() {
    List<AuditEntry> original = chain(4);
    Checkpoint published = original.get(2).checkpoint();
    // the attacker rewrites entry 2 and recomputes every later hash
    List<AuditEntry> forged = new ArrayList<>(original.subList(0, 1));
    for (int i = 1; i < original.size(); i++) {
      AuditEvent ev = original.get(i).event();
      if (i == 1) {
        ev = new AuditEvent(ev.at(), ev.actor(), ev.action(), ev.purpose(), ev.subject(), "");
      }
      forged.add(AuditChain.append(forged.get(i - 1), ev));
    }

    assertThat(AuditChain.verify(forged).intact()).isTrue();
    Broken broken = (Broken) AuditChain.verify(forged, Checkpoint.GENESIS, published);
    assertThat(broken.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
    assertThat(broken.seq()).isEqualTo(3);
  }

  @Test
  void verifiesAPageFromTheCheckpointBeforeIt() {
    List<AuditEntry> entries = chain(10);

    VerificationResult page =
        AuditChain.verify(entries.subList(5, 10), entries.get(4).checkpoint(), null);

    assertThat(page).isEqualTo(new Intact(5, entries.get(9).checkpoint()));
    assertThat(AuditChain.verify(entries.subList(5, 10)).intact()).isFalse();
  }

  @Test
  void appendingNeedsAPreviousEntryAndAPurpose() {
    assertThatThrownBy(() -> AuditChain.append(null, viewId(0, "u")))
        .hasMessageContaining("use first() to start a chain");
    assertThatThrownBy(() -> new AuditEvent(T0, "staff:1", "VIEW", " ", "", ""))
        .hasMessage("audit purpose must not be blank");
  }

  static AuditEntry withDetails(AuditEntry e, String details) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.actor(),
        e.action(),
        e.purpose(),
        e.subject(),
        details,
        e.prevHash(),
        e.hash());
  }

  static AuditEntry rehashed(AuditEntry e) {
    AuditEntry probe =
        new AuditEntry(
            e.seq(),
            e.at(),
            e.actor(),
            e.action(),
            e.purpose(),
            e.subject(),
            e.details(),
            e.prevHash(),
            "");
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.actor(),
        e.action(),
        e.purpose(),
        e.subject(),
        e.details(),
        e.prevHash(),
        AuditChain.expectedHash(probe));
  }
}
