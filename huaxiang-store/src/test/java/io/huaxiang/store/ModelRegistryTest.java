package io.huaxiang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static Database db;
  private static ModelRegistry registry;

  @BeforeAll
  static void start() {
    db = TestDatabase.fresh();
    registry = new ModelRegistry(db.dataSource());
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void versionsCountUpPerNameAndStartAsDrafts() {
    RegisteredModel a1 = registry.register("pd-a", "scorecard", "{\"v\":1}", "sha:1", "li", NOW);
    RegisteredModel a2 = registry.register("pd-a", "scorecard", "{\"v\":2}", "sha:2", "li", NOW);
    RegisteredModel b1 = registry.register("pd-b", "scorecard", "{}", null, "li", NOW);

    assertThat(a1.version()).isEqualTo(1);
    assertThat(a2.version()).isEqualTo(2);
    assertThat(b1.version()).isEqualTo(1);
    assertThat(a2.status()).isEqualTo(ModelStatus.DRAFT);
    assertThat(registry.artifact(a2.id())).contains("{\"v\": 2}");
  }

  @Test
  void aChampionNeedsAnotherPersonsApprovalAndRetiresThePreviousChampion() {
    RegisteredModel first = registry.register("pd-c", "scorecard", "{}", null, "li", NOW);
    RegisteredModel second = registry.register("pd-c", "scorecard", "{}", null, "li", NOW);

    assertThatThrownBy(() -> registry.setStatus(first.id(), ModelStatus.CHAMPION, "li", NOW))
        .hasMessageContaining("four eyes");
    assertThatThrownBy(() -> registry.setStatus(first.id(), ModelStatus.CHAMPION, null, NOW))
        .hasMessageContaining("approver");

    registry.setStatus(first.id(), ModelStatus.CHAMPION, "wang", NOW);
    RegisteredModel promoted = registry.setStatus(second.id(), ModelStatus.CHAMPION, "wang", NOW);

    assertThat(promoted.status()).isEqualTo(ModelStatus.CHAMPION);
    assertThat(promoted.approvedBy()).isEqualTo("wang");
    assertThat(registry.find(first.id()).orElseThrow().status()).isEqualTo(ModelStatus.RETIRED);
  }
}
