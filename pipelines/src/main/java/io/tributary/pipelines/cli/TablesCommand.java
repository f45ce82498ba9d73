package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.PipelineDescriptor;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.runtime.Pipelines;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "tables",
        description =
                "List the lake's tables with layer, location, Delta version, rows and size; "
                        + "or with --declared, every table the registered pipelines declare.")
final class TablesCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--declared",
            description =
                    "Instead: every table the registered pipelines declare, with what "
                            + "it holds (no lake needed).")
    boolean declared;

    @Override
    public Integer call() {
        Logging.configure(common.verbose);
        if (declared) {
            printDeclared(System.out);
            return 0;
        }
        print(common.configuration(), System.out);
        return 0;
    }

    static void printDeclared(PrintStream out) {
        List<List<Object>> rows = new ArrayList<>();
        for (PipelineProvider provider : Pipelines.all()) {
            PipelineDescriptor.load(provider.getClass())
                    .described()
                    .forEach(
                            (table, description) ->
                                    rows.add(List.of(provider.name(), table, description)));
        }
        ResultPrinter.print(
                out, List.of("pipeline", "table", "holds"), rows, ResultPrinter.Format.TABLE);
    }

    static void print(Configuration conf, PrintStream out) {
        List<LakeCatalog.Found> tables = LakeCatalog.discover(conf);
        if (tables.isEmpty()) {
            out.println(
                    "No tables under "
                            + LakeCatalog.lakeRoot(conf)
                            + " yet: run a pipeline first (tributary demo).");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (LakeCatalog.Found t : tables) {
            rows.add(
                    List.of(
                            t.layer,
                            t.qualifiedName(),
                            t.info.version(),
                            t.info.rows(),
                            t.info.files(),
                            humanBytes(t.info.bytes()),
                            t.info.location()));
        }
        ResultPrinter.print(
                out,
                List.of("layer", "table", "version", "rows", "files", "size", "location"),
                rows,
                ResultPrinter.Format.TABLE);
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }
}
