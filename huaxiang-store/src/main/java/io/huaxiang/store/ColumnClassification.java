package io.huaxiang.store;

import io.huaxiang.core.privacy.DataClass;
import io.huaxiang.core.profile.FeatureClassification;
import io.huaxiang.core.profile.FeatureDefinition;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data class (JR/T 0171-2020) of every column of Huaxiang's tables, so encryption, exports and
 * access reviews can be derived from one list. {@code ColumnClassificationTest} parses the Flyway
 * migrations and fails when a column is missing here.
 *
 * <p>Why the C2 columns are C2: {@code events.payload} holds the event attributes, of which
 * demographics, amounts, devices and IPs are C2 (see the {@code @Classified} annotations on the
 * event records); {@code profiles.state} and {@code profiles.features} are folded from them;
 * portrait tags such as overdue or heavy borrowing reveal finances, so tags are C2 wherever they
 * are stored; a dead letter's {@code message} and {@code record} may quote a rejected value
 * verbatim. The audit log holds only ids and masked values by rule ({@code AuditEvent}), so it is
 * C1. No column holds C3 except the hashed credentials in {@link #HASHED_CREDENTIALS}:
 * authentication data is refused at ingestion.
 */
public final class ColumnClassification {

  private static final Map<String, DataClass> COLUMNS = build();

  /**
   * The only columns allowed to be C3: one-way hashes of staff passwords (BCrypt) and of API keys
   * (SHA-256). The rule is "C3 is never stored, except passwords, hashed with a modern
   * password hash"; everything else C3 is refused at ingestion.
   */
  public static final java.util.Set<String> HASHED_CREDENTIALS =
      java.util.Set.of("staff_users.password_hash", "api_keys.key_hash");

  private ColumnClassification() {}

  /** Every classified column, keyed {@code table.column}, sorted. */
  public static Map<String, DataClass> columns() {
    return COLUMNS;
  }

  /**
   * The class of one column.
   *
   * @throws IllegalArgumentException if the column is not classified; add it here when adding it to
   *     a migration
   */
  public static DataClass of(String table, String column) {
    DataClass c = COLUMNS.get(table + "." + column);
    if (c == null) {
      throw new IllegalArgumentException(
          "column "
              + table
              + "."
              + column
              + " has no data class; classify it in io.huaxiang.store.ColumnClassification");
    }
    return c;
  }

  private static Map<String, DataClass> build() {
    Map<String, DataClass> m = new TreeMap<>();
    table(m, "events", DataClass.C1, "seq", "event_id", "user_id", "type", "occurred_at");
    table(m, "events", DataClass.C1, "received_at", "source");
    table(m, "events", DataClass.C2, "payload");
    table(m, "profiles", DataClass.C1, "user_id", "format_version", "event_count");
    table(m, "profiles", DataClass.C1, "last_event_at", "updated_at");
    table(m, "profiles", DataClass.C2, "state", "features", "tags", "tag_since");
    table(m, "projector_checkpoint", DataClass.C1, "name", "applied_seq", "updated_at");
    table(m, "tag_history", DataClass.C1, "user_id", "gained_at", "lost_at");
    table(m, "tag_history", DataClass.C2, "tag");
    table(m, "dead_letters", DataClass.C1, "id", "received_at", "channel", "origin", "line_no");
    table(m, "dead_letters", DataClass.C1, "reason", "field");
    table(m, "dead_letters", DataClass.C2, "message", "record");
    table(m, "audit_log", DataClass.C1, "seq", "at", "actor", "action", "purpose", "subject");
    table(m, "audit_log", DataClass.C1, "details", "prev_hash", "hash");
    // a model artifact holds bins, coefficients and aggregate metrics: no person's data
    table(m, "models", DataClass.C1, "id", "name", "version", "kind", "status", "artifact");
    table(m, "models", DataClass.C1, "fingerprint", "created_at", "created_by", "approved_by");
    table(m, "models", DataClass.C1, "approved_at");
    // a logged score keeps points and bins but no applicant identifier: nobody's data
    table(m, "model_scores", DataClass.C1, "id", "model_id", "scored_at", "points", "bins");
    // a segment is a rule over features, not anybody's data
    table(m, "segments", DataClass.C1, "name", "version", "expression", "description");
    table(m, "segments", DataClass.C1, "created_at", "created_by");
    // being in a segment such as "overdue now" reveals finances, like a tag: C2 with the user id
    table(m, "segment_members", DataClass.C1, "user_id", "version", "entered_at");
    table(m, "segment_members", DataClass.C2, "segment");
    table(m, "segment_membership_events", DataClass.C1, "id", "version", "user_id", "entered");
    table(m, "segment_membership_events", DataClass.C1, "at", "recorded_at");
    table(m, "segment_membership_events", DataClass.C2, "segment");
    // sign-in: the only C3 columns, and they hold one-way hashes, never a clear secret
    table(m, "staff_users", DataClass.C1, "username", "role", "failed_logins", "locked_until");
    table(m, "staff_users", DataClass.C1, "disabled", "created_at", "last_login_at");
    table(m, "staff_users", DataClass.C3, "password_hash");
    table(m, "api_keys", DataClass.C1, "name", "key_prefix", "scopes", "created_by");
    table(m, "api_keys", DataClass.C1, "created_at", "revoked_at");
    table(m, "api_keys", DataClass.C3, "key_hash");
    // decisions: outcome, amounts, score and the snapshots are credit data (C2); identifiers are
    // only keyed HMACs, useless without the key kept outside the database (C1)
    table(m, "decisions", DataClass.C1, "decision_id", "request_id", "user_id", "product_id");
    table(m, "decisions", DataClass.C1, "strategy", "model", "arm", "decided_at");
    table(m, "decisions", DataClass.C1, "id_hash", "phone_hash", "device_hash", "ip_hash");
    table(m, "decisions", DataClass.C1, "card_hash", "requested_by");
    table(m, "decisions", DataClass.C2, "outcome", "requested_amount", "approved_amount", "score");
    table(m, "decisions", DataClass.C2, "band", "application", "inputs", "decision", "shadow");
    table(m, "decisions", DataClass.C2, "pd");
    table(m, "funding_budgets", DataClass.C1, "product_id", "day", "cap_amount", "cap_count");
    table(m, "funding_budgets", DataClass.C1, "used_amount", "used_count");
    table(m, "credit_commitments", DataClass.C1, "user_id", "updated_at");
    table(m, "credit_commitments", DataClass.C2, "committed");
    table(m, "credit_grants", DataClass.C1, "decision_id", "user_id", "product_id");
    table(m, "credit_grants", DataClass.C2, "amount", "granted_at", "expires_at", "drawn_at");
    table(m, "credit_grants", DataClass.C2, "released_at", "release_reason");
    table(m, "list_entries", DataClass.C1, "list_kind", "key_kind", "key_hash", "added_by");
    table(m, "list_entries", DataClass.C1, "added_at");
    table(m, "list_entries", DataClass.C2, "reason");
    table(m, "strategies", DataClass.C1, "strategy_id", "version", "product_id", "source");
    table(m, "strategies", DataClass.C1, "fingerprint", "uploaded_by", "uploaded_at", "role");
    table(m, "strategies", DataClass.C1, "challenger_share", "activated_by", "activated_at");
    table(m, "review_tasks", DataClass.C1, "task_id", "decision_id", "user_id", "kind", "status");
    table(m, "review_tasks", DataClass.C1, "created_at", "due_at", "closed_at", "closed_by");
    table(m, "review_tasks", DataClass.C2, "note", "resolution");
    // sealed identifiers (V20): ciphertexts of C2 values; the key id is only a label
    table(m, "events", DataClass.C2, "sealed");
    table(m, "events", DataClass.C1, "key_id");
    table(m, "dead_letters", DataClass.C1, "user_id");
    // data-subject rights (V21): ids, times and internal references; the restricted events keep
    // the payload and sealed values of events, C2 as there
    table(m, "legal_holds", DataClass.C1, "user_id", "reason", "placed_at", "placed_by");
    table(m, "erasures", DataClass.C1, "user_id", "erased_at", "erased_by", "request_ref");
    table(m, "erasures", DataClass.C1, "events_deleted", "events_restricted");
    table(m, "restricted_events", DataClass.C1, "seq", "event_id", "user_id", "type");
    table(m, "restricted_events", DataClass.C1, "occurred_at", "received_at", "source", "key_id");
    table(m, "restricted_events", DataClass.C1, "category", "restricted_at", "retain_until");
    table(m, "restricted_events", DataClass.C2, "payload", "sealed");
    table(
        m,
        "erasures",
        DataClass.C1,
        "decisions_restricted",
        "review_tasks_closed",
        "commitments_released");
    table(m, "restricted_records", DataClass.C1, "id", "user_id", "source_table", "record_key");
    table(m, "restricted_records", DataClass.C1, "category", "restricted_at", "retain_until");
    // a decision row holds amounts, scores and the input snapshot: financial data
    table(m, "restricted_records", DataClass.C2, "record");
    // AML findings (V22): amounts and transaction ids describe a person's money
    table(m, "aml_cases", DataClass.C1, "id", "kind", "rule", "user_id", "direction", "status");
    table(m, "aml_cases", DataClass.C1, "window_start", "window_end", "raised_at", "updated_at");
    table(m, "aml_cases", DataClass.C2, "total", "threshold", "transaction_ids");
    // typed portrait features (V41): each column is one catalogue feature and takes that
    // feature's class (FeatureClassification), as the same value has in profiles.features
    table(m, "portrait_features", DataClass.C1, "user_id", "last_event_at");
    for (FeatureDefinition f : PortraitFeatureColumns.features()) {
      m.put("portrait_features." + f.name(), FeatureClassification.of(f));
    }
    return Collections.unmodifiableMap(m);
  }

  private static void table(Map<String, DataClass> m, String table, DataClass c, String... cols) {
    for (String col : cols) {
      if (m.put(table + "." + col, c) != null) {
        throw new IllegalStateException("column classified twice: " + table + "." + col);
      }
    }
  }
}
