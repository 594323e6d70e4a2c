package io.huaxiang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.privacy.DataClass;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fails the build when a migration adds a column that ColumnClassification does not classify. */
class ColumnClassificationTest {
  private static final Set<String> MIGRATED = MigrationColumns.ofMigrations();

  @Test
  void everyMigratedColumnIsClassified() {
    assertThat(MIGRATED)
        .as("columns without a data class (add them to io.huaxiang.store.ColumnClassification)")
        .isSubsetOf(ColumnClassification.columns().keySet());
  }

  @Test
  void everyClassifiedColumnExists() {
    // a stale entry would hide a renamed column that is no longer classified under its new name
    assertThat(ColumnClassification.columns().keySet())
        .as("classified columns that no migration creates")
        .isSubsetOf(MIGRATED);
  }

  @Test
  void noColumnHoldsAuthenticationDataButHashedCredentials() {
    assertThat(ColumnClassification.columns())
        .allSatisfy(
            (column, dataClass) -> {
              if (dataClass == DataClass.C3) {
                assertThat(ColumnClassification.HASHED_CREDENTIALS)
                    .as("a C3 column other than a hashed credential: " + column)
                    .contains(column);
              }
            });
    assertThat(ColumnClassification.HASHED_CREDENTIALS)
        .allSatisfy(c -> assertThat(ColumnClassification.columns()).containsEntry(c, DataClass.C3));
  }

  @Test
  void readsColumnsButNotConstraintsFromCreateAndAlterTable() {
    String sql =
        """
        -- a comment mentioning create table ghost (x int);
        create table loans (
            loan_id   text primary key,
            principal numeric(12, 2) not null, -- C2
            tags      text[] default '{}',
            constraint loans_positive check (principal > 0),
            primary key (loan_id, principal)
        );
        alter table loans add column apr numeric(6, 4), add column if not exists term int;
        """;

    assertThat(MigrationColumns.of(sql))
        .containsExactly(
            "loans.loan_id", "loans.principal", "loans.tags", "loans.apr", "loans.term");
  }

  @Test
  void refusesAnUnclassifiedColumnWithTheFixInTheMessage() {
    assertThatThrownBy(() -> ColumnClassification.of("users", "id_number"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users.id_number")
        .hasMessageContaining("ColumnClassification");
    assertThat(ColumnClassification.of("events", "payload")).isEqualTo(DataClass.C2);
  }
}
