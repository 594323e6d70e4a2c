package io.huaxiang.server.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** jqwik generators of hostile application bodies: wrong types, odd text, junk, missing fields. */
final class DecisionFuzz {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of(
          "request_id",
          "user_id",
          "product",
          "amount",
          "term_months",
          "purpose",
          "monthly_income",
          "id_number",
          "phone",
          "bank_card",
          "device_id",
          "ip",
          "city",
          "channel");

  private DecisionFuzz() {}

  private static Arbitrary<Object> values() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.strings().ofMaxLength(300).map(s -> (Object) s),
        Arbitraries.strings()
            .withChars("'\"<>;--/*\\\u0000\u202e")
            .ofMaxLength(40)
            .map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.of(
                "consumption",
                "instalment",
                "5000",
                "12",
                "13812345678",
                "'; drop table decisions; --",
                "<script>alert(1)</script>",
                "1e999",
                "-1")
            .map(s -> (Object) s),
        Arbitraries.just(List.of(1, 2)),
        Arbitraries.just(Map.of("a", 1)));
  }

  /** A body: mostly a JSON object built from a valid application, sometimes raw junk. */
  static Arbitrary<String> bodies(String valid) {
    Arbitrary<String> mutated =
        Arbitraries.maps(Arbitraries.of(FIELDS), values())
            .ofMaxSize(6)
            .map(
                changes -> {
                  try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> base =
                        new LinkedHashMap<>(JSON.readValue(valid, Map.class));
                    base.putAll(changes);
                    return JSON.writeValueAsString(base);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    Arbitrary<String> junk =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(200),
            Arbitraries.of(
                "",
                "{",
                "[]",
                "null",
                "123",
                "{\"amount\":}",
                "{\"amount\":1e99999}",
                "{\"term_months\":99999999999999999999}"));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, mutated), net.jqwik.api.Tuple.of(2, junk));
  }
}
