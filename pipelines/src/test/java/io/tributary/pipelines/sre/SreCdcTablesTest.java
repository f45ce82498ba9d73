package io.tributary.pipelines.sre;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.cdc.CdcTableSpec;
import io.tributary.pipelines.cdc.CdcTablesFile;
import io.tributary.pipelines.runtime.LakeCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.junit.jupiter.api.Test;

/**
 * The CDC tables file of the SRE pipeline's streaming half writes the very silver tables the batch
 * mode writes: same names, columns, types and keys, so either mode can follow the other.
 */
class SreCdcTablesTest {
    @Test
    void theCdcTablesFileDeclaresTheBatchModesSilverTables() {
        List<CdcTableSpec> specs =
                CdcTablesFile.load(Path.of("..", "conf", "examples", "sre-cdc-tables.yaml"));
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        Configuration conf = new Configuration();
        SrePipeline pipeline = SrePipeline.fromConfig(conf);
        LakeCatalog.registerDeclared(tEnv, conf, pipeline.tables());

        assertThat(specs)
                .extracting(CdcTableSpec::silverTable)
                .containsExactlyElementsOf(
                        SrePipeline.SOURCES.stream()
                                .map(t -> "silver.sre_" + t)
                                .collect(Collectors.toList()));
        for (CdcTableSpec spec : specs) {
            ResolvedSchema silver = tEnv.from(spec.silverTable()).getResolvedSchema();
            assertThat(spec.rowType().asSerializableString())
                    .as(spec.silverTable())
                    .isEqualTo(
                            silver.toPhysicalRowDataType().getLogicalType().asSerializableString());
            assertThat(spec.primaryKey())
                    .isEqualTo(silver.getPrimaryKey().orElseThrow().getColumns());
        }
    }
}
