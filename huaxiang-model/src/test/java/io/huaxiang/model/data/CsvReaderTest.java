package io.huaxiang.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.model.SharedData;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static Dataset parse(String text) {
    return new CsvReader(CsvOptions.defaults())
        .parse("t.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsSemicolonFileWithQuotedStringsAndInfersTypes() {
    Dataset d =
        parse(
            "\"age\";\"job\";\"y\"\n58;\"manage;ment\";\"no\"\n44;\"tech\";\"yes\"\n;NA;\"no\"\n");
    assertThat(d.rowCount()).isEqualTo(3);
    assertThat(d.column("age")).isInstanceOf(NumericColumn.class);
    assertThat(((NumericColumn) d.column("age")).values()).containsExactly(58, 44, Double.NaN);
    assertThat(((CategoricalColumn) d.column("job")).values())
        .containsExactly("manage;ment", "tech", null);
  }

  @Test
  void readsDoubledQuotesAndNewlinesInsideQuotes() {
    Dataset d = parse("a,b\n\"say \"\"hi\"\"\",1\n\"two\nlines\",2\n");
    assertThat(d.column("a").text(0)).isEqualTo("say \"hi\"");
    assertThat(d.column("a").text(1)).isEqualTo("two\nlines");
  }

  @Test
  void rejectsEmptyFile() {
    assertThatThrownBy(() -> parse(""))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void namesLineAndColumnOfTextInDeclaredNumericColumn() {
    CsvReader reader =
        new CsvReader(CsvOptions.defaults().withTypes(Map.of("age", ColumnType.NUMERIC)));
    assertThatThrownBy(
            () ->
                reader.parse("t.csv", "age,y\n30,1\n\"abc\",0\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("'age'")
        .hasMessageContaining("'abc'");
  }

  @Test
  void typeOverrideKeepsIntegerCodesCategorical() {
    CsvReader reader =
        new CsvReader(CsvOptions.defaults().withTypes(Map.of("code", ColumnType.CATEGORICAL)));
    Dataset d = reader.parse("t.csv", "code\n1\n2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(d.column("code")).isInstanceOf(CategoricalColumn.class);
  }

  @Test
  void targetErrorsSayWhatIsWrong() {
    Dataset d = parse("x,y,z,w\n1,a,1,k\n2,b,1,k\n3,c,1,k\n");
    assertThatThrownBy(() -> BinaryTarget.of(d, "missing", "1"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("target column 'missing' is missing");
    assertThatThrownBy(() -> BinaryTarget.of(d, "y", "a"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("not binary");
    assertThatThrownBy(() -> BinaryTarget.of(d, "z", "1"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("single class");
    assertThatThrownBy(() -> BinaryTarget.of(d, "w", "bad"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'bad' does not occur");
  }

  @Test
  void readsGermanFixtureWithFingerprintAndBadAsPositive() {
    Dataset d = SharedData.german200();
    assertThat(d.rowCount()).isEqualTo(200);
    assertThat(d.columnNames()).hasSize(21);
    assertThat(d.column("credit_amount")).isInstanceOf(NumericColumn.class);
    assertThat(d.column("purpose")).isInstanceOf(CategoricalColumn.class);
    assertThat(d.fingerprint().orElseThrow().sha256()).hasSize(64);
    BinaryTarget t = BinaryTarget.of(d, "creditability", "bad");
    assertThat(t.positives()).isBetween(40, 80);
  }

  @Test
  void splitFileMatchesSharedGermanData() {
    var dir = SharedData.folder().resolve("german_credit");
    Dataset d = CsvReader.read(dir.resolve("germancredit.csv"));
    Split s = Split.read(dir.resolve("split.csv")).checkAgainst(d);
    assertThat(s.train()).hasSize(700);
    assertThat(s.test()).hasSize(300);
    assertThat(d.fingerprint().orElseThrow().sha256())
        .isEqualTo("2c0bae00275c028fc853a1ea72cc7a68002c3f6876c41300c5c948711540c8c6");
  }
}
