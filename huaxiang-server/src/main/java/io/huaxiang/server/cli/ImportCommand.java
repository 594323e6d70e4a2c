package io.huaxiang.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.ingest.IngestReport;
import io.huaxiang.server.ingest.ParsedRecord;
import io.huaxiang.server.ingest.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Bulk import of events from a JSON Lines or CSV file, with progress and a dead-letter file. */
@Command(
    name = "import",
    description = {
      "Import events from a JSON Lines (.jsonl) or CSV (.csv) file. / 从文件导入事件。",
      "Every refused line is written to the dead-letter file with its line number and reason.",
      "Exit codes: 0 all lines accepted, 2 unusable input (no file, bad header), 3 done with refused lines."
    },
    mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
  static final int SOME_REFUSED = 3;

  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Parameters(paramLabel = "FILE", description = "The file to import.")
  Path file;

  @Option(names = "--format", description = "jsonl or csv (default: from the file extension).")
  String format;

  @Option(
      names = "--dead-letters",
      description = "Where refused lines go (default: FILE.rejected.jsonl).")
  Path deadLetters;

  @Option(
      names = "--batch",
      defaultValue = "5000",
      description = "Events per transaction (default: ${DEFAULT-VALUE}).")
  int batch;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "no such file: " + file);
    }
    String fmt = format != null ? format.toLowerCase(Locale.ROOT) : formatOf(file);
    if (!fmt.equals("jsonl") && !fmt.equals("csv")) {
      throw new ParameterException(
          spec.commandLine(),
          "cannot tell the format of " + file + "; use --format jsonl or --format csv");
    }
    if (batch < 1 || batch > 50_000) {
      throw new ParameterException(spec.commandLine(), "--batch must be between 1 and 50000");
    }
    Path rejectedFile = deadLetters != null ? deadLetters : Path.of(file + ".rejected.jsonl");
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      IngestReport report = run(runtime, fmt, rejectedFile);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "%s: %,d accepted, %,d duplicates ignored, %,d refused%n",
          file,
          report.accepted(),
          report.duplicates().size(),
          report.rejected().size());
      if (!report.rejected().isEmpty()) {
        out.printf("refused lines are listed in %s%n", rejectedFile);
      }
      out.flush();
      return report.rejected().isEmpty() ? 0 : SOME_REFUSED;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private IngestReport run(HuaxiangRuntime runtime, String fmt, Path rejectedFile)
      throws IOException {
    long size = Files.size(file);
    ProgressBar bar = new ProgressBar(System.err, "importing " + file.getFileName());
    IngestReport total = IngestReport.empty();
    ObjectMapper json =
        CliRuntime.json()
            .copy()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    Files.deleteIfExists(rejectedFile);
    CliRuntime.keepPortraitsUnlessServed(runtime);
    BufferedWriter rejected = null;
    try (RecordSource source = RecordSource.open(file, fmt, runtime.eventJson())) {
      List<ParsedRecord> records;
      while (!(records = source.next(batch)).isEmpty()) {
        IngestReport report =
            runtime.ingest().ingest(records, "file", file.getFileName().toString(), false);
        if (!report.rejected().isEmpty()) {
          if (rejected == null) {
            rejected = Files.newBufferedWriter(rejectedFile, StandardCharsets.UTF_8);
          }
          writeRejected(rejected, json, records, report.rejected());
        }
        total = total.plus(report);
        bar.update(source.bytesRead(), size, total.received());
      }
    } finally {
      if (rejected != null) {
        rejected.close();
      }
    }
    bar.finish(total.received());
    if (runtime.portraits().started()) {
      runtime.portraits().catchUpAndSnapshot();
    }
    return total;
  }

  private static void writeRejected(
      BufferedWriter out, ObjectMapper json, List<ParsedRecord> records, List<Rejection> rejections)
      throws IOException {
    Map<Long, String> raw = new LinkedHashMap<>();
    records.forEach(r -> raw.put(r.position(), r.raw()));
    for (Rejection r : rejections) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("line", r.position());
      line.put("reason", r.reason());
      line.put("field", r.field());
      line.put("message", r.message());
      line.put("record", raw.get(r.position()));
      out.write(json.writeValueAsString(line));
      out.newLine();
    }
  }

  private static String formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return "jsonl";
    }
    return name.endsWith(".csv") ? "csv" : "";
  }
}
