package io.huaxiang.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.DatasetException;
import io.huaxiang.model.selection.SelectionReason;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each kind of bad training input gets a message that says what to fix, never a stack trace. */
class BadInputTest {

  /** 400 rows: a useful amount, a constant, an all-missing column and a one-value text column. */
  private static String csv(boolean withUsefulColumn) {
    Random r = new Random(9);
    StringBuilder sb = new StringBuilder(withUsefulColumn ? "amount," : "");
    sb.append("constant,empty,country,y\n");
    for (int i = 0; i < 400; i++) {
      double amount = r.nextGaussian();
      int y = r.nextDouble() < 1 / (1 + Math.exp(1 - 2 * amount)) ? 1 : 0;
      if (withUsefulColumn) {
        sb.append(amount).append(',');
      }
      sb.append("7,,CN,").append(y).append('\n');
    }
    return sb.toString();
  }

  private static Dataset parse(String text) {
    return new CsvReader(io.huaxiang.model.data.CsvOptions.defaults())
        .parse("t.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void constantAllMissingAndOneValueColumnsAreDroppedWithTheReasonLogged() {
    TrainedScorecard t =
        ScorecardPipeline.train(
            parse(csv(true)), TrainingConfig.defaults("y", "1"), ProgressListener.NONE);
    assertThat(t.model().features()).extracting(f -> f.name()).containsExactly("amount");
    for (String dropped : new String[] {"constant", "empty", "country"}) {
      assertThat(t.selection().log())
          .as(dropped)
          .anyMatch(
              s ->
                  s.feature().equals(dropped)
                      && !s.included()
                      && s.reason() == SelectionReason.LOW_IV
                      && s.detail().contains("single bin"));
    }
  }

  @Test
  void noUsableFeatureSaysSoAndListsWhy() {
    assertThatThrownBy(
            () ->
                ScorecardPipeline.train(
                    parse(csv(false)), TrainingConfig.defaults("y", "1"), ProgressListener.NONE))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("no feature passed selection")
        .hasMessageContaining("constant")
        .hasMessageContaining("empty");
  }

  @Test
  void targetProblemsAreNamed() {
    Dataset d = parse("x,y\n1,2\n2,3\n3,2\n");
    assertThatThrownBy(
            () ->
                ScorecardPipeline.train(
                    d, TrainingConfig.defaults("y", "1"), ProgressListener.NONE))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'1' does not occur");
    Dataset single = parse("x,y\n1,1\n2,1\n3,1\n");
    assertThatThrownBy(
            () ->
                ScorecardPipeline.train(
                    single, TrainingConfig.defaults("y", "1"), ProgressListener.NONE))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("single class");
    assertThatThrownBy(() -> parse(""))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void textInAColumnThatLooksNumericMakesItCategoricalNotACrash() {
    StringBuilder sb = new StringBuilder("age,y\n");
    for (int i = 0; i < 300; i++) {
      sb.append(i == 5 ? "abc" : Integer.toString(20 + i % 40))
          .append(',')
          .append(i % 3 == 0 ? 1 : 0)
          .append('\n');
    }
    Dataset d = parse(sb.toString());
    assertThat(d.column("age").type().name()).isEqualTo("CATEGORICAL");
  }
}
