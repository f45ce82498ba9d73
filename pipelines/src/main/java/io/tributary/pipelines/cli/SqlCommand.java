package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ResultPrinter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "sql",
        description = "Run Flink SQL (batch) over the lake's tables: bronze.*, silver.*, gold.*.")
final class SqlCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(
            index = "0",
            paramLabel = "QUERY",
            description = "The statement, e.g. \"SELECT * FROM gold.weblogs_summary\".")
    String query;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    ResultPrinter.Format format;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        LakeQuery result = LakeQuery.run(LakeQuery.environment(common.configuration()), query);
        ResultPrinter.print(System.out, result.columns(), result.rows(), format);
        return 0;
    }
}
