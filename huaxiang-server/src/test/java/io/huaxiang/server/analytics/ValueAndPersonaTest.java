package io.huaxiang.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.value.ValueTier;
import io.huaxiang.core.value.ValueTiers;
import io.huaxiang.server.cli.TestJson;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.demo.BulkLoader;
import io.huaxiang.store.Database;
import io.huaxiang.store.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Value tiers and personas over a seeded demo population in a real PostgreSQL. */
class ValueAndPersonaTest {
  private static final Instant END = Instant.parse("2026-06-30T16:00:00Z");
  private static HuaxiangRuntime runtime;

  @BeforeAll
  static void load() {
    Database db = Database.external(TestDatabase.freshUrl(), "postgres", null, 4).migrate();
    runtime =
        new HuaxiangRuntime(
            db,
            new HuaxiangProperties(null, null, null, null, null, null),
            TestJson.mapper(),
            Clock.fixed(END, ZoneOffset.UTC));
    runtime.portraits().start();
    BulkLoader.backfill(
        runtime, new DemoPopulation(23, 400, END).events().iterator(), "test", "test", n -> {});
  }

  @AfterAll
  static void close() {
    runtime.close();
  }

  @Test
  void tierCountsAddUpToTheUsersClassifiedOneByOne() {
    ValueService values = new ValueService(runtime.portraits());
    ValueService.Overview o = values.overview(null);
    Instant asOf = runtime.portraits().latestEventAt();

    Map<ValueTier, Long> expected = new EnumMap<>(ValueTier.class);
    for (int i = 0; i < 400; i++) {
      var reading = runtime.portraits().read(DemoPopulation.userId(i), asOf);
      if (reading.isPresent()) {
        expected.merge(ValueTiers.assess(reading.get().features()).tier(), 1L, Long::sum);
      }
    }
    assertThat(o.users()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    for (ValueService.Count c : o.tiers()) {
      ValueTier t = ValueTier.valueOf(c.label().key().toUpperCase(java.util.Locale.ROOT));
      assertThat(c.users()).as(t.name()).isEqualTo(expected.getOrDefault(t, 0L));
    }
    UserValue one = values.of(DemoPopulation.userId(1)).orElseThrow();
    assertThat(one.tier().labelZh()).isNotBlank();
    assertThat(one.patternReasons()).isNotEmpty();
  }

  @Test
  void tierCountsNarrowedBySegmentTagAndTimeCountOnlyThoseUsers() throws Exception {
    ValueService values = new ValueService(runtime.portraits());
    Instant asOf = runtime.portraits().latestEventAt();
    Instant from = Instant.parse("2026-06-01T00:00:00Z");
    Instant to = Instant.parse("2026-06-25T00:00:00Z");
    Set<String> members = new HashSet<>();
    for (int i = 0; i < 400; i += 2) {
      members.add(DemoPopulation.userId(i).value());
    }
    // users in scope, by SQL over the stored portraits: even users, holding the tag, last event
    // in the range
    Set<String> inScope = new HashSet<>();
    try (Connection c = runtime.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select user_id from profiles where 'night_owl' = any(tags)"
                    + " and last_event_at >= ? and last_event_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(from));
      ps.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (members.contains(rs.getString(1))) {
            inScope.add(rs.getString(1));
          }
        }
      }
    }
    assertThat(inScope).isNotEmpty();

    ValueService.Overview o = values.overview("night_owl", members, from, to);

    Map<ValueTier, Long> expected = new EnumMap<>(ValueTier.class);
    for (String user : inScope) {
      var reading = runtime.portraits().read(new UserId(user), asOf).orElseThrow();
      expected.merge(ValueTiers.assess(reading.features()).tier(), 1L, Long::sum);
    }
    assertThat(o.users()).isEqualTo(inScope.size());
    for (ValueService.Count c : o.tiers()) {
      ValueTier t = ValueTier.valueOf(c.label().key().toUpperCase(java.util.Locale.ROOT));
      assertThat(c.users()).as(t.name()).isEqualTo(expected.getOrDefault(t, 0L));
    }
  }

  @Test
  void personasAreStableAcrossRunsAndCentresAreTheMeansOfTheirMembers() {
    PersonaService personas = new PersonaService(runtime.portraits());
    PersonaModel a = personas.fit(4, 300, 42);
    PersonaModel b = personas.fit(4, 300, 42);
    assertThat(b.centres()).isEqualTo(a.centres());
    assertThat(b.cards()).isEqualTo(a.cards());
    assertThat(a.cards().stream().mapToLong(PersonaModel.PersonaCard::size).sum())
        .isEqualTo(a.users());
    for (int i = 1; i < a.cards().size(); i++) {
      assertThat(a.cards().get(i).size()).isLessThanOrEqualTo(a.cards().get(i - 1).size());
    }
    assertThat(a.cards().get(0).distinguishingFeatures()).hasSize(3);

    // assigning every user online and averaging their standardised rows gives back the centres
    // (Lloyd's fixed point, since the fit converged)
    int dims = a.features().size();
    double[][] sums = new double[4][dims];
    long[] counts = new long[4];
    Map<String, double[]> rows = new HashMap<>();
    Map<String, Set<String>> tagsOf = new HashMap<>();
    runtime
        .portraits()
        .forEachAt(
            a.asOf(),
            (user, values, tags, state) -> {
              rows.put(user, a.standardise(PersonaFeatures.raw(values)));
              tagsOf.put(user, Set.copyOf(tags));
            });
    Map<String, Integer> personaOf = new HashMap<>();
    for (var e : rows.entrySet()) {
      int p = personas.assign(new UserId(e.getKey())).orElseThrow().persona();
      personaOf.put(e.getKey(), p);
      counts[p]++;
      for (int j = 0; j < dims; j++) {
        sums[p][j] += e.getValue()[j];
      }
    }
    for (int p = 0; p < 4; p++) {
      assertThat(counts[p]).isEqualTo(a.cards().get(p).size());
      for (int j = 0; j < dims; j++) {
        assertThat(sums[p][j] / counts[p]).isCloseTo(a.centres()[p * dims + j], within(1e-9));
      }
    }

    // the cards' typical tags, recounted from the members' tags: share in the persona >= 20% and
    // at least 1.2 times the population's
    List<PersonaModel.TypicalTag> typical = new ArrayList<>();
    for (PersonaModel.PersonaCard card : a.cards()) {
      for (PersonaModel.TypicalTag t : card.typicalTags()) {
        typical.add(t);
        long holders = tagsOf.values().stream().filter(ts -> ts.contains(t.tag())).count();
        long inPersona =
            personaOf.entrySet().stream()
                .filter(e -> e.getValue() == card.id() && tagsOf.get(e.getKey()).contains(t.tag()))
                .count();
        double share = inPersona / (double) card.size();
        assertThat(t.share()).as(t.tag()).isCloseTo(share, within(1e-9));
        assertThat(t.lift()).isCloseTo(share / (holders / (double) rows.size()), within(1e-9));
        assertThat(t.share()).isGreaterThanOrEqualTo(0.2);
        assertThat(t.lift()).isGreaterThanOrEqualTo(1.2);
      }
    }
    assertThat(typical).isNotEmpty();

    List<PersonaService.KChoice> ks = personas.chooseK(2, 6, 100, 42);
    assertThat(ks).extracting(PersonaService.KChoice::k).containsExactly(2, 3, 4, 5, 6);
    List<Double> inertia = new ArrayList<>();
    ks.forEach(
        c -> {
          inertia.add(c.inertia());
          assertThat(c.silhouette()).isBetween(-1.0, 1.0);
        });
    assertThat(inertia.get(4)).isLessThan(inertia.get(0));
  }
}
