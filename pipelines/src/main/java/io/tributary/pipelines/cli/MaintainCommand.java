package io.tributary.pipelines.cli;

import io.tributary.connector.delta.DeltaMaintenance;
import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.LakeCatalog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "maintain",
        description = {
            "Maintain lake tables while the jobs keep running:",
            "  optimize    rewrite each partition's small files into files of the target size",
            "  vacuum      delete data files that no table version within the retention needs",
            "  checkpoint  write a Delta log checkpoint at the latest version"
        })
final class MaintainCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "ACTION", description = "optimize, vacuum or checkpoint.")
    String action;

    @Option(
            names = "--table",
            paramLabel = "LAYER.TABLE",
            description = "A table, e.g. gold.weblogs_summary. Repeatable.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--all", description = "Every table in the lake.")
    boolean all;

    @Option(
            names = "--target-file-size",
            defaultValue = "128mb",
            description =
                    "optimize: size of the files to write; smaller files are compacted (default: ${DEFAULT-VALUE}).")
    String targetFileSize;

    @Option(
            names = "--retention",
            defaultValue = "7d",
            description =
                    "vacuum: keep files that versions of the last this long need (default: ${DEFAULT-VALUE}).")
    String retention;

    @Option(
            names = "--dry-run",
            description = "vacuum: list the files it would delete; delete nothing.")
    boolean dryRun;

    @Option(
            names = "--force",
            description =
                    "vacuum: allow a retention below 24 h (no job may write or read the table).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        run(System.out);
        return 0;
    }

    void run(PrintStream out) throws Exception {
        List<LakeCatalog.Found> targets = targets();
        List<List<Object>> rows = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (LakeCatalog.Found table : targets) {
            long start = System.nanoTime();
            String location = table.info.location();
            List<Object> row = new ArrayList<>(List.of(table.qualifiedName()));
            switch (action) {
                case "optimize":
                    {
                        DeltaMaintenance.Compaction c =
                                DeltaMaintenance.optimize(
                                        location,
                                        Map.of(),
                                        MemorySize.parse(targetFileSize).getBytes());
                        row.add(c.version < 0 ? "nothing to compact" : "version " + c.version);
                        row.add(
                                c.filesBefore
                                        + " → "
                                        + (c.filesBefore - c.filesRemoved + c.filesAdded));
                        row.add(
                                c.filesRemoved == 0
                                        ? ""
                                        : TablesCommand.humanBytes(c.bytesRemoved)
                                                + " → "
                                                + TablesCommand.humanBytes(c.bytesAdded));
                        break;
                    }
                case "vacuum":
                    {
                        DeltaMaintenance.Vacuum v =
                                DeltaMaintenance.vacuum(
                                        location,
                                        Map.of(),
                                        TimeUtils.parseDuration(retention),
                                        dryRun,
                                        force);
                        row.add(
                                (dryRun ? "would delete " : "deleted ")
                                        + v.deleted.size()
                                        + " files");
                        row.add(v.filesKept + " kept");
                        row.add(TablesCommand.humanBytes(v.bytesDeleted));
                        deleted.addAll(v.deleted);
                        break;
                    }
                case "checkpoint":
                    row.add(
                            "checkpoint at version "
                                    + DeltaMaintenance.checkpoint(location, Map.of()));
                    row.add("");
                    row.add("");
                    break;
                default:
                    throw new ConfigurationError(
                            "No maintenance action '" + action + "'",
                            "use optimize, vacuum or checkpoint");
            }
            row.add(String.format("%.1f s", (System.nanoTime() - start) / 1e9));
            rows.add(row);
        }
        ResultPrinter.print(
                out,
                List.of("table", action, "files", "bytes", "took"),
                rows,
                ResultPrinter.Format.TABLE);
        if (dryRun && !deleted.isEmpty()) {
            out.println();
            out.println("Files a vacuum would delete:");
            deleted.forEach(f -> out.println("  " + f));
        }
    }

    private List<LakeCatalog.Found> targets() {
        List<LakeCatalog.Found> lake = LakeCatalog.discover(common.configuration());
        if (all) {
            return lake;
        }
        if (tables.isEmpty()) {
            throw new ConfigurationError(
                    "No table given", "name one with --table LAYER.TABLE, or use --all");
        }
        List<LakeCatalog.Found> chosen = new ArrayList<>();
        for (String name : tables) {
            chosen.add(
                    lake.stream()
                            .filter(t -> t.qualifiedName().equals(name))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new ConfigurationError(
                                                    "No table " + name + " in the lake",
                                                    "tables there: "
                                                            + lake.stream()
                                                                    .map(
                                                                            LakeCatalog.Found
                                                                                    ::qualifiedName)
                                                                    .collect(
                                                                            Collectors.joining(
                                                                                    ", ")))));
        }
        return chosen;
    }
}
