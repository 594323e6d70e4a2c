package io.huaxiang.core.audit;

/** The outcome of verifying an audit chain: intact, or broken at a named entry. */
public sealed interface VerificationResult {

  boolean intact();

  /**
   * Every entry checked out.
   *
   * @param entries how many entries were checked
   * @param head the last entry's position and hash (the start checkpoint if there were none)
   */
  record Intact(long entries, Checkpoint head) implements VerificationResult {
    @Override
    public boolean intact() {
      return true;
    }
  }

  /**
   * The first entry at which the chain does not hold.
   *
   * @param position 0-based index of that entry in what was verified (or the entry count for a
   *     chain that ends too early)
   * @param seq the sequence number stored in that entry (or the checkpoint's for truncation)
   * @param problem what is wrong
   * @param explanation a sentence for the auditor
   */
  record Broken(long position, long seq, Problem problem, String explanation)
      implements VerificationResult {
    @Override
    public boolean intact() {
      return false;
    }
  }

  /** Kinds of breakage, with bilingual labels. */
  enum Problem {
    /** The entry's content does not match its hash. */
    CONTENT_ALTERED("条目内容被篡改", "entry content was altered"),
    /** Sequence numbers jump forward: entries were deleted, or moved later. */
    SEQUENCE_GAP("序号不连续：有条目被删除或顺序被调换", "sequence gap: entries deleted or reordered"),
    /** Sequence numbers go back or repeat: entries were moved earlier or duplicated. */
    OUT_OF_ORDER("序号倒退或重复：条目顺序被调换或重复插入", "sequence goes back: entries reordered or duplicated"),
    /** The entry's prevHash does not match the previous entry's hash. */
    LINK_BROKEN(
        "与前一条目的哈希链接断开：前一条目被改写或替换",
        "hash link broken: the previous entry was rewritten or replaced"),
    /** The entry at a published checkpoint has another hash: history was rewritten. */
    CHECKPOINT_MISMATCH(
        "与已发布的检查点不一致：历史被重写", "does not match the published checkpoint: history rewritten"),
    /** The chain ends before a published checkpoint: the newest entries were removed. */
    TRUNCATED(
        "审计链在已发布的检查点之前结束：最新条目被删除",
        "chain ends before the published checkpoint: newest entries removed");

    private final String zh;
    private final String en;

    Problem(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }
  }
}
