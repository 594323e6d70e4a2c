package io.huaxiang.model.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** A fixed train/test partition of data rows, as in the shared {@code split.csv} (row_id,set). */
public record Split(int[] train, int[] test) {

  /** Reads a {@code row_id,set} file whose set column is {@code train} or {@code test}. */
  public static Split read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DatasetException("cannot read split file " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase("row_id,set")) {
      throw new DatasetException("split file " + file + " must start with the header 'row_id,set'");
    }
    IntStream.Builder train = IntStream.builder();
    IntStream.Builder test = IntStream.builder();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(",");
      int row;
      try {
        row = Integer.parseInt(parts[0].trim());
      } catch (NumberFormatException e) {
        throw new DatasetException(
            "split file " + file + " line " + (i + 1) + ": row_id '" + parts[0] + "' is not a row");
      }
      String set = parts.length > 1 ? parts[1].trim() : "";
      switch (set) {
        case "train" -> train.add(row);
        case "test" -> test.add(row);
        default ->
            throw new DatasetException(
                "split file "
                    + file
                    + " line "
                    + (i + 1)
                    + ": set must be 'train' or 'test', got '"
                    + set
                    + "'");
      }
    }
    return new Split(train.build().toArray(), test.build().toArray());
  }

  /** Fails unless every row id refers to one of {@code rowCount} data rows. */
  public Split checkAgainst(Dataset data) {
    for (int[] rows : new int[][] {train, test}) {
      for (int r : rows) {
        if (r < 0 || r >= data.rowCount()) {
          throw new DatasetException(
              "split refers to row "
                  + r
                  + " but "
                  + data
                  + " has rows 0.."
                  + (data.rowCount() - 1));
        }
      }
    }
    return this;
  }
}
