package io.tributary.pipelines.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Glue catalog Terraform creates lists exactly the gold tables the pipelines write. */
class GoldTablesCatalogTest {
    private static final Path CATALOG_LIST = Path.of("..", "terraform", "gold-tables.json");

    @Test
    void terraformsGoldTableListIsThePipelinesOwn() throws Exception {
        String[] listed = new ObjectMapper().readValue(Files.readString(CATALOG_LIST), String[].class);
        List<String> declared = Pipelines.goldTables();
        assertThat(declared).as("the pipelines declare gold tables").isNotEmpty();
        assertThat(listed).as("%s must hold the pipelines' gold tables; write it as:%n%s", CATALOG_LIST,
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(declared))
                .containsExactlyElementsOf(declared);
    }
}
