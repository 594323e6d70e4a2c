package io.huaxiang.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Small-group suppression of aggregate responses (k-anonymity style): in population analytics,
 * segment sizes and trends, lifecycle, value and persona figures, a group of fewer than {@code
 * huaxiang.security.min-group-size} people (default 5) is shown without its count, so a count of 1
 * cannot single out a person ("the one user in segment X aged 60+ has 3 overdue loans").
 *
 * <p>How, in each JSON object of such a response: when the size of the group it describes ({@link
 * #GROUPS}: {@code count}, {@code users}, {@code size} …) is 1 to k−1, every number in it (shares,
 * medians, means, the other counts), except labels such as bin edges and ids, becomes {@code null};
 * when only a part of it is small (a count of {@link #COUNTS} such as {@code late31_plus} or {@code
 * missing}), that count and the object's shares become {@code null}. Either way {@code
 * "suppressed": true} is added. Matrices of counts (lifecycle transitions) have their small cells
 * nulled. Zero is shown: it singles out nobody.
 *
 * <p>Compliance sees exact figures (it answers regulators and data subjects, every read audited).
 * This is primary suppression only: a total minus the shown cells can still give a suppressed
 * cell's count, which says how many, never who (see docs/security.md).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SmallGroupSuppression implements ResponseBodyAdvice<Object> {
  /** Fields that count people (or one person's events). */
  static final Set<String> COUNTS =
      Set.of(
          "count",
          "users",
          "events",
          "tagged_users",
          "missing",
          "repayments",
          "on_time",
          "late1_to7",
          "late8_to30",
          "late31_plus",
          "loans",
          "reached30_dpd",
          "size",
          "tracked_size",
          "bulk_size",
          "entered",
          "left",
          "counts");

  /** Counts that are the size of the group the object describes: small means hide the object. */
  static final Set<String> GROUPS =
      Set.of("count", "users", "size", "tracked_size", "bulk_size", "loans", "repayments");

  /** Ratios over the object's counts, hidden with any of its counts. */
  private static final Set<String> SHARES =
      Set.of("share", "on_time_share", "conversion", "median_hours_from_previous");

  /** Numbers that label a group rather than describe its members: kept when it is suppressed. */
  private static final Set<String> LABELS =
      Set.of("id", "version", "weekday", "hour", "months_on_book", "lower", "upper", "k", "seed");

  /** Where aggregates are served (request paths). */
  private static final List<String> AGGREGATES =
      List.of(
          "/api/v1/population/**",
          "/api/v1/segments",
          "/api/v1/segments/*/size",
          "/api/v1/segments/*/trend",
          "/api/v1/lifecycle/**",
          "/api/v1/personas",
          "/api/v1/personas/fit");

  /** Population endpoints that list people, not groups (guarded by role and audit instead). */
  private static final List<String> NOT_AGGREGATES =
      List.of("/api/v1/population/users", "/api/v1/population/value-labels");

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final ObjectMapper json;
  private final int minGroupSize;

  public SmallGroupSuppression(
      ObjectMapper json, @Value("${huaxiang.security.min-group-size:5}") int minGroupSize) {
    this.json = json;
    this.minGroupSize = Math.max(1, minGroupSize);
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body == null
        || minGroupSize <= 1
        || Actors.seesClearPersonalData()
        || contentType == null
        || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
        || !aggregate(request.getURI().getPath())) {
      return body;
    }
    JsonNode tree = json.valueToTree(body);
    suppress(tree, minGroupSize);
    return tree;
  }

  static boolean aggregate(String path) {
    return AGGREGATES.stream().anyMatch(p -> PATHS.match(p, path))
        && NOT_AGGREGATES.stream().noneMatch(p -> PATHS.match(p, path));
  }

  /** Suppresses small groups in a JSON tree, in place. */
  static void suppress(JsonNode node, int k) {
    if (node instanceof ArrayNode array) {
      array.forEach(item -> suppress(item, k));
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    boolean smallGroup = false;
    boolean smallPart = false;
    for (String name : names) {
      JsonNode v = object.get(name);
      if (COUNTS.contains(name) && v.isIntegralNumber() && v.asLong() > 0 && v.asLong() < k) {
        smallGroup |= GROUPS.contains(name);
        smallPart = true;
      }
    }
    if (smallGroup) {
      // the group itself is small: nothing about it is shown but its labels
      blank(object);
      object.set("suppressed", BooleanNode.TRUE);
      return;
    }
    for (String name : names) {
      JsonNode v = object.get(name);
      if (COUNTS.contains(name) && v.isIntegralNumber() && v.asLong() > 0 && v.asLong() < k) {
        object.set(name, NullNode.instance);
      } else if (smallPart && SHARES.contains(name)) {
        object.set(name, NullNode.instance); // a share would give the hidden count back
      } else if (COUNTS.contains(name) && v instanceof ArrayNode matrix) {
        nullSmallCells(matrix, k);
      } else {
        suppress(v, k);
      }
    }
    if (smallPart) {
      object.set("suppressed", BooleanNode.TRUE);
    }
  }

  /** Every number in the subtree becomes null, except labels. */
  private static void blank(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode v = object.get(name);
        if (v.isNumber() && !LABELS.contains(name)) {
          object.set(name, NullNode.instance);
        } else {
          blank(v);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isNumber()) {
          array.set(i, NullNode.instance);
        } else {
          blank(array.get(i));
        }
      }
    }
  }

  private static void nullSmallCells(ArrayNode array, int k) {
    for (int i = 0; i < array.size(); i++) {
      JsonNode cell = array.get(i);
      if (cell instanceof ArrayNode row) {
        nullSmallCells(row, k);
      } else if (cell.isIntegralNumber() && cell.asLong() > 0 && cell.asLong() < k) {
        array.set(i, NullNode.instance);
      } else {
        suppress(cell, k);
      }
    }
  }
}
