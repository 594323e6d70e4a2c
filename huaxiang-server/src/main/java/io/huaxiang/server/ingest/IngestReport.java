package io.huaxiang.server.ingest;

import java.util.List;

/**
 * The outcome of ingesting records: every record is either accepted (durably stored), a duplicate
 * of an event already stored (ignored), or rejected with a reason.
 */
public record IngestReport(
    int received, int accepted, List<String> duplicates, List<Rejection> rejected, long lastSeq) {

  public static IngestReport empty() {
    return new IngestReport(0, 0, List.of(), List.of(), 0);
  }

  public IngestReport plus(IngestReport other) {
    return new IngestReport(
        received + other.received,
        accepted + other.accepted,
        concat(duplicates, other.duplicates),
        concat(rejected, other.rejected),
        Math.max(lastSeq, other.lastSeq));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
