package io.huaxiang.core.event;

import java.util.Locale;

/** A domain constant with a Chinese and an English label for people, and a wire name for JSON. */
public interface Labelled {
  String zh();

  String en();

  static String wireName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
