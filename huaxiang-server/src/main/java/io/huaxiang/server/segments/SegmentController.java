package io.huaxiang.server.segments;

import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.SafeText;
import io.huaxiang.core.expr.CompiledExpression;
import io.huaxiang.core.expr.ExpressionException;
import io.huaxiang.core.expr.Expressions;
import io.huaxiang.core.privacy.DataClass;
import io.huaxiang.core.profile.FeatureCatalogue;
import io.huaxiang.core.profile.FeatureClassification;
import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.segment.MembershipChange;
import io.huaxiang.core.tag.PortraitSchema;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.server.security.Actors;
import io.huaxiang.server.security.Ownership;
import io.huaxiang.store.SegmentDefinition;
import io.huaxiang.store.SegmentMembershipStore;
import io.huaxiang.store.SegmentMembershipStore.TrendDay;
import io.huaxiang.store.SegmentStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Segments (客群) over HTTP: define and validate them in the expression language, keep every version,
 * count and list members at request time, export members as CSV.
 */
@RestController
@RequestMapping(path = "/api/v1/segments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "segments", description = "Customer segments in the expression language / 客群")
class SegmentController {
  private static final int MAX_MEMBERS = 10_000;

  private final SegmentStore store;
  private final SegmentMembershipService membership;
  private final SegmentMembershipStore membershipStore;
  private final PortraitService portraits;
  private final AuditService audit;
  private final Clock clock;
  private final FeatureCatalogue catalogue;
  private final PortraitSchema schema;

  private final Ownership ownership;

  SegmentController(
      SegmentStore store,
      SegmentMembershipService membership,
      SegmentMembershipStore membershipStore,
      PortraitService portraits,
      AuditService audit,
      Clock clock,
      Ownership ownership) {
    this.ownership = ownership;
    this.store = store;
    this.membership = membership;
    this.membershipStore = membershipStore;
    this.portraits = portraits;
    this.audit = audit;
    this.clock = clock;
    this.catalogue = portraits.engine().catalogue();
    this.schema = new PortraitSchema(catalogue);
  }

  record Draft(String name, String expression, String description) {}

  record Validation(boolean valid, List<String> variables, Set<String> tags) {}

  /**
   * A saved version: {@code size} evaluated now (request time), {@code trackedSize} the real-time
   * membership (each portrait as of its latest event), {@code entered}/{@code left} how the new
   * version changed it.
   */
  record Sized(
      SegmentDefinition definition,
      int size,
      Instant asOf,
      int trackedSize,
      long entered,
      long left) {}

  /** The size of a segment now, kept in real time, and a fresh bulk evaluation to compare. */
  record Size(String name, int version, int trackedSize, int bulkSize, boolean agree) {}

  /** A segment's size over (portrait) time: entries, exits and size per day. */
  record Trend(String name, int version, int size, String zone, List<TrendDay> days) {}

  record Members(String name, int version, Instant asOf, int size, List<String> userIds) {}

  @Operation(summary = "Check an expression without saving it (the console's inline validation)")
  @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
  Validation validate(@RequestBody Draft draft) {
    CompiledExpression e = compile(draft.expression());
    return new Validation(true, List.copyOf(e.variables()), e.tags());
  }

  @Operation(summary = "Save a segment: a new version when the name exists")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Sized> save(@RequestBody Draft draft) {
    String actor = Actors.current();
    if (draft.name() == null || !draft.name().matches("[a-z0-9_-]{1,64}")) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "a segment name is 1-64 characters of a-z, 0-9, _ and -",
          "客群名称须为 1-64 个小写字母、数字、_ 或 -");
    }
    if (draft.description() != null && SafeText.refused(draft.description(), 1_000)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "field 'description' is not acceptable text: " + SafeText.RULE.replace("256", "1000"),
          "description 含有不允许的字符或过长");
    }
    // marketing may not add a version to (take over) a segment it may not see
    store.latest(draft.name()).ifPresent(existing -> visible(existing, draft.name()));
    CompiledExpression e = compile(draft.expression());
    String by = actor;
    SegmentDefinition saved =
        store.save(draft.name(), e.source(), draft.description(), by, clock.instant());
    audit.record(
        by,
        "SEGMENT_SAVED",
        "SEGMENTATION",
        "segment:" + saved.name(),
        "version=" + saved.version());
    List<MembershipChange> changes = membership.define(saved);
    long entered = changes.stream().filter(MembershipChange::entered).count();
    Instant now = clock.instant();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new Sized(
                saved,
                members(e, now, null).size(),
                now,
                membership.size(saved.name()),
                entered,
                changes.size() - entered));
  }

  @Operation(summary = "The latest version of every segment")
  @GetMapping
  List<SegmentDefinition> list() {
    return store.list().stream().filter(d -> ownership.segmentVisible(d.createdBy())).toList();
  }

  @Operation(summary = "Every version of a segment")
  @GetMapping("/{name}/versions")
  List<SegmentDefinition> versions(@PathVariable String name) {
    latest(name);
    return store.history(name);
  }

  @Operation(summary = "Members now: size and user ids (sorted, at most `limit`)")
  @GetMapping("/{name}/members")
  Members members(
      @PathVariable String name,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "analysis") String purpose) {
    String actor = Actors.current();
    SegmentDefinition def = latest(name);
    Instant now = clock.instant();
    List<String> ids = members(compile(def.expression()), now, consentFor(purpose));
    audit.recordLater(actor, "SEGMENT_MEMBERS", purpose, "segment:" + name, "size=" + ids.size());
    int n = Math.max(0, Math.min(limit, MAX_MEMBERS));
    return new Members(
        name, def.version(), now, ids.size(), ids.subList(0, Math.min(n, ids.size())));
  }

  @Operation(
      summary = "Export members as CSV: user_id plus the requested non-personal (C1) features")
  @GetMapping(path = "/{name}/export.csv", produces = "text/csv")
  ResponseEntity<String> export(
      @PathVariable String name,
      @RequestParam(defaultValue = "") List<String> fields,
      @RequestParam(defaultValue = "analysis") String purpose) {
    String actor = Actors.current();
    List<Integer> columns = new ArrayList<>();
    for (String field : fields) {
      FeatureDefinition d =
          catalogue
              .definition(field)
              .orElseThrow(
                  () ->
                      new ApiException(
                          HttpStatus.BAD_REQUEST,
                          "UNKNOWN_FEATURE",
                          "unknown feature '" + field + "'",
                          "未知特征 " + field));
      if (FeatureClassification.of(d) != DataClass.C1 || !d.type().scalar()) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            "FIELD_NOT_EXPORTABLE",
            "feature '"
                + field
                + "' is personal data ("
                + FeatureClassification.of(d)
                + ") or not a scalar; exports carry only C1 scalar features until role-based access lands",
            "特征 " + field + " 属于个人信息或非标量,暂不可导出");
      }
      columns.add(catalogue.indexOf(field));
    }
    SegmentDefinition def = latest(name);
    Instant now = clock.instant();
    CompiledExpression e = compile(def.expression());
    StringBuilder csv = new StringBuilder("user_id");
    fields.forEach(f -> csv.append(',').append(f));
    csv.append('\n');
    List<String> ids = members(e, now, consentFor(purpose));
    for (String id : ids) {
      csv.append(id);
      if (!columns.isEmpty()) {
        var values =
            portraits.read(new io.huaxiang.core.event.UserId(id), now).orElseThrow().features();
        for (int c : columns) {
          Object v = values.get(c);
          csv.append(',').append(v == null || (v instanceof Double d && d.isNaN()) ? "" : v);
        }
      }
      csv.append('\n');
    }
    audit.record(
        actor,
        "SEGMENT_EXPORT",
        purpose,
        "segment:" + name,
        "rows=" + ids.size() + " fields=" + String.join("|", fields));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
        .body(csv.toString());
  }

  @Operation(
      summary =
          "Size kept in real time, and a fresh bulk evaluation over every portrait to compare")
  @GetMapping("/{name}/size")
  Size size(@PathVariable String name) {
    SegmentDefinition def = latest(name);
    int tracked = membership.size(name);
    int bulk = membership.bulkMembers(name).size();
    return new Size(name, def.version(), tracked, bulk, tracked == bulk);
  }

  @Operation(summary = "Size over time: entries, exits and size per day of portrait time")
  @GetMapping("/{name}/trend")
  Trend trend(@PathVariable String name) {
    SegmentDefinition def = latest(name);
    ZoneId zone = portraits.engine().zone();
    return new Trend(
        name,
        def.version(),
        membership.size(name),
        zone.getId(),
        membershipStore.trend(name, zone));
  }

  @Operation(summary = "The latest entries and exits (who entered or left, when, which version)")
  @GetMapping("/{name}/changes")
  List<MembershipChange> changes(
      @PathVariable String name, @RequestParam(defaultValue = "100") int limit) {
    String actor = Actors.current();
    latest(name);
    if (limit < 1 || limit > MAX_MEMBERS) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_LIMIT",
          "limit must be between 1 and " + MAX_MEMBERS + ", got " + limit,
          "limit 须在 1 到 " + MAX_MEMBERS + " 之间,实际为 " + limit);
    }
    List<MembershipChange> out = membershipStore.recent(name, limit);
    audit.recordLater(
        actor, "SEGMENT_CHANGES", "analysis", "segment:" + name, "rows=" + out.size());
    return out;
  }

  @ExceptionHandler(ExpressionException.class)
  ProblemDetail invalidExpression(ExpressionException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setType(java.net.URI.create("urn:huaxiang:problem:invalid-expression"));
    p.setProperty("reason", "INVALID_EXPRESSION");
    p.setProperty("detail_zh", e.messageZh());
    p.setProperty("position", e.position());
    p.setProperty("line", e.line());
    p.setProperty("column", e.column());
    p.setProperty("found", e.found());
    p.setProperty("expected", e.expected());
    p.setProperty("suggestions", e.suggestions());
    p.setProperty("snippet", e.snippet());
    return p;
  }

  /**
   * The consent a purpose needs from every member it returns: {@code marketing} leaves out users
   * without marketing consent (PIPL; no bundling), {@code sharing} (data handed to a third party,
   * PIPL Art 23) leaves out users without consent to sharing with third parties. Other purposes
   * (analysis) need no consent beyond the role's.
   */
  private static ConsentPurpose consentFor(String purpose) {
    if ("marketing".equalsIgnoreCase(purpose)) {
      return ConsentPurpose.MARKETING;
    }
    if ("sharing".equalsIgnoreCase(purpose) || "third_party_sharing".equalsIgnoreCase(purpose)) {
      return ConsentPurpose.THIRD_PARTY_SHARING;
    }
    return null;
  }

  private List<String> members(CompiledExpression e, Instant asOf, ConsentPurpose needed) {
    int consent = needed == null ? -1 : catalogue.indexOf("consent_" + needed);
    return portraits.select(
        asOf,
        (values, tags) ->
            e.test(schema.bind(values, tags))
                && (consent < 0 || Boolean.TRUE.equals(values.get(consent))));
  }

  private CompiledExpression compile(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "MISSING_FIELD",
          "field 'expression' is required",
          "缺少 expression");
    }
    return Expressions.compileCondition(expression, schema.schema());
  }

  /** The latest version, if the caller may see this segment (object-level: {@link Ownership}). */
  private SegmentDefinition latest(String name) {
    return visible(
        store
            .latest(name)
            .orElseThrow(() -> ApiException.notFound("segment '" + name + "'", "客群 " + name)),
        name);
  }

  private SegmentDefinition visible(SegmentDefinition def, String name) {
    if (!ownership.segmentVisible(def.createdBy())) {
      // answered like a missing segment: a hidden one's existence must not leak either
      throw ApiException.notFound("segment '" + name + "'", "客群 " + name);
    }
    return def;
  }
}
