package io.huaxiang.server.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.RejectReason;
import io.huaxiang.core.event.csv.EventCsv;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.server.ingest.ParsedRecord;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a JSON Lines or CSV file as parsed records in batches, keeping line numbers and the bytes
 * read (for progress), never the whole file in memory.
 */
abstract class RecordSource implements AutoCloseable {
  /** Longest line accepted; longer ones are refused so one bad line cannot exhaust memory. */
  static final int MAX_LINE_CHARS = 1_000_000;

  private final CountingStream counting;

  RecordSource(Path file) throws IOException {
    this.counting = new CountingStream(Files.newInputStream(file));
  }

  static RecordSource open(Path file, String format, EventJson json) throws IOException {
    return switch (format) {
      case "jsonl" -> new JsonLines(file, json);
      case "csv" -> new Csv(file, json);
      default -> throw new IllegalArgumentException("unknown format " + format);
    };
  }

  long bytesRead() {
    return counting.count;
  }

  InputStream stream() {
    return counting;
  }

  /** The next batch of up to {@code max} records; empty at the end of the file. */
  abstract List<ParsedRecord> next(int max) throws IOException;

  @Override
  public void close() throws IOException {
    counting.close();
  }

  private static final class JsonLines extends RecordSource {
    private final BufferedReader reader;
    private final EventJson json;
    private long line;

    JsonLines(Path file, EventJson json) throws IOException {
      super(file);
      this.reader =
          new BufferedReader(new InputStreamReader(stream(), StandardCharsets.UTF_8), 1 << 16);
      this.json = json;
    }

    @Override
    List<ParsedRecord> next(int max) throws IOException {
      List<ParsedRecord> out = new ArrayList<>(max);
      String text;
      while (out.size() < max && (text = reader.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        if (text.length() > MAX_LINE_CHARS) {
          out.add(
              ParsedRecord.failed(
                  line,
                  text.substring(0, 200),
                  new InvalidEventException(
                      RejectReason.TOO_LARGE,
                      null,
                      "line longer than " + MAX_LINE_CHARS + " characters")));
          continue;
        }
        try {
          out.add(ParsedRecord.ok(line, text, json.read(text)));
        } catch (InvalidEventException e) {
          out.add(ParsedRecord.failed(line, text, e));
        }
      }
      return out;
    }
  }

  private static final class Csv extends RecordSource {
    private final MappingIterator<String[]> rows;
    private final EventCsv csv;

    Csv(Path file, EventJson json) throws IOException {
      super(file);
      CsvMapper mapper = new CsvMapper();
      mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      this.rows = mapper.readerFor(String[].class).readValues(stream());
      if (!rows.hasNextValue()) {
        throw new IllegalArgumentException("the CSV file is empty: it needs a header row");
      }
      this.csv = new EventCsv(rows.nextValue(), json);
    }

    @Override
    List<ParsedRecord> next(int max) throws IOException {
      List<ParsedRecord> out = new ArrayList<>(max);
      while (out.size() < max) {
        long line;
        String[] row;
        try {
          if (!rows.hasNextValue()) {
            break;
          }
          line = rows.getCurrentLocation().getLineNr();
          row = rows.nextValue();
        } catch (RuntimeException e) {
          throw new UncheckedIOException(new IOException("unreadable CSV: " + e.getMessage(), e));
        }
        String raw = String.join(",", row);
        if (row.length == 1 && row[0].isBlank()) {
          continue;
        }
        try {
          out.add(ParsedRecord.ok(line, raw, csv.read(row)));
        } catch (InvalidEventException e) {
          out.add(ParsedRecord.failed(line, raw, e));
        }
      }
      return out;
    }
  }

  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
