package io.tributary.pipelines.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultPrinterTest {
    private final List<String> columns = List.of("name", "n");
    private final List<List<Object>> rows =
            List.of(List.of("a,b", 1L), Arrays.asList("q\"x", null));

    @Test
    void printsCsvWithQuotesWhereNeeded() {
        assertThat(printed(ResultPrinter.Format.CSV)).isEqualTo("name,n\n\"a,b\",1\n\"q\"\"x\",\n");
    }

    @Test
    void printsJsonLines() {
        assertThat(printed(ResultPrinter.Format.JSON))
                .isEqualTo("{\"name\":\"a,b\",\"n\":1}\n{\"name\":\"q\\\"x\",\"n\":null}\n");
    }

    @Test
    void printsAnAlignedTableWithNullsNamed() {
        assertThat(printed(ResultPrinter.Format.TABLE))
                .contains("| a,b  |    1 |")
                .contains("| q\"x  | NULL |")
                .contains("2 rows");
    }

    private String printed(ResultPrinter.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultPrinter.print(new PrintStream(out, true), columns, rows, format);
        return out.toString();
    }
}
