package io.huaxiang.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.audit.VerificationResult.Broken;
import io.huaxiang.core.audit.VerificationResult.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AuditChainPropertiesTest {

  /** One field of an entry an attacker might edit. */
  enum Field {
    SEQ,
    AT,
    ACTOR,
    ACTION,
    PURPOSE,
    SUBJECT,
    DETAILS,
    PREV_HASH,
    HASH
  }

  @Provide
  Arbitrary<List<AuditEntry>> chains() {
    Arbitrary<AuditEvent> events =
        net.jqwik.api.Combinators.combine(
                Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.of("staff:s-1", "staff:s-2", "svc:decisioning", "user:u-9"),
                Arbitraries.of("VIEW_ID_NUMBER", "EXPORT", "DECIDE_LOAN", "查看"),
                Arbitraries.of("CREDIT_REVIEW", "COLLECTION", "贷后管理"),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(40))
            .as(
                (sec, actor, action, purpose, subject, details) ->
                    new AuditEvent(
                        Instant.ofEpochSecond(1_700_000_000L + sec),
                        actor,
                        action,
                        purpose,
                        subject,
                        details));
    return events.list().ofMinSize(1).ofMaxSize(30).map(AuditChainPropertiesTest::build);
  }

  static List<AuditEntry> build(List<AuditEvent> events) {
    List<AuditEntry> out = new ArrayList<>();
    for (AuditEvent e : events) {
      out.add(out.isEmpty() ? AuditChain.first(e) : AuditChain.append(out.get(out.size() - 1), e));
    }
    return out;
  }

  @Property(tries = 300)
  void anUntouchedChainVerifies(@ForAll("chains") List<AuditEntry> chain) {
    assertThat(AuditChain.verify(chain).intact()).isTrue();
  }

  @Property(tries = 500)
  void anySingleEditIsFoundAtTheEditedEntry(
      @ForAll("chains") List<AuditEntry> chain,
      @ForAll @IntRange(min = 0, max = 1000) int pick,
      @ForAll Field field) {
    int k = pick % chain.size();
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.set(k, edit(chain.get(k), field));

    Broken broken = (Broken) AuditChain.verify(tampered);

    assertThat(broken.position()).isEqualTo(k);
    assertThat(broken.problem()).isEqualTo(Problem.CONTENT_ALTERED);
  }

  @Property(tries = 500)
  void anEditWithARecomputedHashIsFoundAtTheNextEntryOrAtTheCheckpoint(
      @ForAll("chains") List<AuditEntry> chain, @ForAll @IntRange(min = 0, max = 1000) int pick) {
    int k = pick % chain.size();
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.set(k, AuditChainTest.rehashed(edit(chain.get(k), Field.DETAILS)));
    Checkpoint published = chain.get(chain.size() - 1).checkpoint();

    Broken broken = (Broken) AuditChain.verify(tampered, Checkpoint.GENESIS, published);

    if (k < chain.size() - 1) {
      assertThat(broken.position()).isEqualTo(k + 1);
      assertThat(broken.problem()).isEqualTo(Problem.LINK_BROKEN);
    } else {
      assertThat(broken.position()).isEqualTo(k);
      assertThat(broken.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
    }
  }

  @Property(tries = 500)
  void anyDeletionIsFoundWhereTheEntryWas(
      @ForAll("chains") List<AuditEntry> chain, @ForAll @IntRange(min = 0, max = 1000) int pick) {
    int k = pick % chain.size();
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.remove(k);
    Checkpoint published = chain.get(chain.size() - 1).checkpoint();

    Broken broken = (Broken) AuditChain.verify(tampered, Checkpoint.GENESIS, published);

    assertThat(broken.position()).isEqualTo(k);
    assertThat(broken.problem())
        .isEqualTo(k == chain.size() - 1 ? Problem.TRUNCATED : Problem.SEQUENCE_GAP);
  }

  @Property(tries = 500)
  void anySwapOfTwoEntriesIsFoundAtTheEarlierPosition(
      @ForAll("chains") List<AuditEntry> chain,
      @ForAll @IntRange(min = 0, max = 1000) int a,
      @ForAll @IntRange(min = 0, max = 1000) int b) {
    int i = Math.min(a % chain.size(), b % chain.size());
    int j = Math.max(a % chain.size(), b % chain.size());
    if (i == j) {
      return;
    }
    List<AuditEntry> tampered = new ArrayList<>(chain);
    tampered.set(i, chain.get(j));
    tampered.set(j, chain.get(i));

    Broken broken = (Broken) AuditChain.verify(tampered);

    assertThat(broken.position()).isEqualTo(i);
    assertThat(broken.problem()).isEqualTo(Problem.SEQUENCE_GAP);
  }

  static AuditEntry edit(AuditEntry e, Field field) {
    return new AuditEntry(
        field == Field.SEQ ? e.seq() + 1 : e.seq(),
        field == Field.AT ? e.at().plusSeconds(1) : e.at(),
        field == Field.ACTOR ? e.actor() + "x" : e.actor(),
        field == Field.ACTION ? e.action() + "x" : e.action(),
        field == Field.PURPOSE ? e.purpose() + "x" : e.purpose(),
        field == Field.SUBJECT ? e.subject() + "x" : e.subject(),
        field == Field.DETAILS ? e.details() + "x" : e.details(),
        field == Field.PREV_HASH ? flip(e.prevHash()) : e.prevHash(),
        field == Field.HASH ? flip(e.hash()) : e.hash());
  }

  static String flip(String hex) {
    char c = hex.charAt(0) == '0' ? '1' : '0';
    return c + hex.substring(1);
  }
}
