package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every registered pipeline is declared by its pipeline.yaml, and every SQL file beside it is in
 * it.
 */
class PipelineDescriptorTest {
    @Test
    void everySqlFileOfAPipelineIsDeclaredInItsDescriptor() throws Exception {
        for (PipelineProvider provider : Pipelines.all()) {
            URL yaml = provider.getClass().getResource("pipeline.yaml");
            assertThat(yaml).as("%s has a pipeline.yaml", provider.name()).isNotNull();
            String declared = Files.readString(Path.of(yaml.toURI()));
            for (String folder : List.of("tables", "sql")) {
                for (String name : sqlFiles(Path.of(yaml.toURI()).resolveSibling(folder))) {
                    assertThat(
                                    Pattern.compile(
                                                    "[\\s\\[,]"
                                                            + Pattern.quote(name)
                                                            + "[\\s\\],}]")
                                            .matcher(declared)
                                            .find())
                            .as(
                                    "%s/%s.sql of %s is declared in its pipeline.yaml",
                                    folder, name, provider.name())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void aDescriptorsFixedTablesAreItsTablesWithoutTemplates() {
        PipelineDescriptor weblogs =
                PipelineDescriptor.load(io.tributary.pipelines.weblogs.WeblogsPipeline.class);
        assertThat(weblogs.fixedTables("gold"))
                .hasSize(5)
                .allMatch(t -> t.startsWith("gold.weblogs_"));
        assertThat(
                        weblogs.tables(new PipelineDescriptor.Bindings() {}).stream()
                                .map(LakeTable::qualifiedName))
                .containsExactlyElementsOf(weblogs.fixedTables());
    }

    @Test
    void aDdlNamesItsTable() {
        LakeTable table =
                LakeTable.fromDdl("-- x\nCREATE TABLE silver.shop_orders (\n  id BIGINT\n)");
        assertThat(table.layer()).isEqualTo("silver");
        assertThat(table.name()).isEqualTo("shop_orders");
    }

    private static List<String> sqlFiles(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
