package io.huaxiang.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The fast CSV number path must give exactly the double {@link Double#parseDouble} gives. */
class PlainDecimalPropertiesTest {

  @Property(tries = 2000)
  void plainDecimalsParseToTheSameDouble(
      @ForAll @LongRange(min = -999_999_999_999_999L, max = 999_999_999_999_999L) long digits,
      @ForAll @IntRange(min = 0, max = 15) int scale) {
    String text = Long.toString(Math.abs(digits));
    if (scale > 0) {
      text = "0".repeat(Math.max(0, scale - text.length() + 1)) + text;
      text = text.substring(0, text.length() - scale) + "." + text.substring(text.length() - scale);
    }
    text = (digits < 0 ? "-" : "") + text;
    assertThat(CsvReader.plainDecimal(text)).isEqualTo(Double.parseDouble(text));
  }

  @Example
  void leavesEverythingElseToTheGeneralParser() {
    for (String s : new String[] {"", "-", ".", "1e5", "NaN", " 1", "1,5", "1.2.3", "abc"}) {
      assertThat(CsvReader.plainDecimal(s)).as(s).isNaN();
    }
    assertThat(CsvReader.plainDecimal("-0")).isEqualTo(-0.0);
    assertThat(CsvReader.plainDecimal("1.")).isEqualTo(1.0);
    assertThat(CsvReader.plainDecimal(".5")).isEqualTo(0.5);
  }
}
