package io.huaxiang.core.profile;

import java.util.Arrays;

/**
 * A small open-addressing set of 64-bit hashes, used for distinct counts (devices, IPs, cities) and
 * for remembering which event ids a profile has already applied.
 *
 * <p>Hand-written because boxing every id in a {@code HashSet<Long>} would cost more than the rest
 * of a profile update; it is serialised as a sorted array so snapshots compare equal.
 */
public final class LongSet {
  private static final long EMPTY = 0L;
  private long[] slots;
  private boolean containsZero;
  private int size;

  public LongSet() {
    this(8);
  }

  private LongSet(int capacity) {
    slots = new long[capacity];
  }

  public static LongSet of(long... values) {
    LongSet set = new LongSet(Math.max(8, Integer.highestOneBit(Math.max(1, values.length)) * 4));
    for (long v : values) {
      set.add(v);
    }
    return set;
  }

  /** Adds a value; returns true if it was not there before. */
  public boolean add(long value) {
    if (value == EMPTY) {
      if (containsZero) {
        return false;
      }
      containsZero = true;
      size++;
      return true;
    }
    if ((size + 1) * 4 > slots.length * 3) {
      grow();
    }
    int mask = slots.length - 1;
    int i = mix(value) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = value;
    size++;
    return true;
  }

  public boolean contains(long value) {
    if (value == EMPTY) {
      return containsZero;
    }
    int mask = slots.length - 1;
    int i = mix(value) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == value) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  public int size() {
    return size;
  }

  /** Adds every value of {@code other} into {@code into}, for unions over window buckets. */
  public void addAllTo(LongSet into) {
    if (containsZero) {
      into.add(EMPTY);
    }
    for (long v : slots) {
      if (v != EMPTY) {
        into.add(v);
      }
    }
  }

  public long[] toSortedArray() {
    long[] out = new long[size];
    int n = 0;
    if (containsZero) {
      out[n++] = EMPTY;
    }
    for (long v : slots) {
      if (v != EMPTY) {
        out[n++] = v;
      }
    }
    Arrays.sort(out);
    return out;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = containsZero ? 1 : 0;
    for (long v : old) {
      if (v != EMPTY) {
        add(v);
      }
    }
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LongSet other && Arrays.equals(toSortedArray(), other.toSortedArray());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toSortedArray());
  }

  @Override
  public String toString() {
    return Arrays.toString(toSortedArray());
  }

  /** A stable 64-bit hash of a text (FNV-1a), so the same device id maps the same everywhere. */
  public static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
