package io.tributary.pipelines.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TributaryCliTest {
    @Test
    void unknownPipelineIsAReadableErrorWithAFix() {
        CommandLine cli = TributaryCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("run", "nope");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("error: Unknown pipeline 'nope'").contains("fix:").doesNotContain("at io.tributary");
    }

    @Test
    void theCdcPipelineAsksForItsTablesFile() {
        CommandLine cli = TributaryCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("run", "cdc", "--mode", "streaming");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("error: tributary.cdc.tables-file is not set")
                .contains("list the captured tables in a YAML file");
    }

    @Test
    void printsTablesCsvAndJson() {
        List<String> columns = List.of("name", "n");
        List<List<Object>> rows = List.of(List.of("a,b", 1L), java.util.Arrays.asList("q\"x", null));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ResultPrinter.print(new java.io.PrintStream(out, true), columns, rows, ResultPrinter.Format.CSV);
        assertThat(out.toString()).isEqualTo("name,n\n\"a,b\",1\n\"q\"\"x\",\n");
        out.reset();
        ResultPrinter.print(new java.io.PrintStream(out, true), columns, rows, ResultPrinter.Format.JSON);
        assertThat(out.toString()).isEqualTo("{\"name\":\"a,b\",\"n\":1}\n{\"name\":\"q\\\"x\",\"n\":null}\n");
        out.reset();
        ResultPrinter.print(new java.io.PrintStream(out, true), columns, rows, ResultPrinter.Format.TABLE);
        assertThat(out.toString()).contains("| a,b  |    1 |").contains("| q\"x  | NULL |").contains("2 rows");
    }
}
