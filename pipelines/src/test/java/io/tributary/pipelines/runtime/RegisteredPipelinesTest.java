package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Everything that lists pipelines or their gold tables agrees with the registry: a pipeline written
 * but not registered, or registered but missing from the Glue catalog list or the Helm values,
 * fails here rather than in production. Every pipeline is declared the same way, by its {@code
 * pipeline.yaml}.
 */
class RegisteredPipelinesTest {
    private static final Path GOLD_TABLES = Path.of("..", "terraform", "gold-tables.json");
    private static final Path HELM_VALUES = Path.of("..", "helm", "tributary", "values.yaml");

    @Test
    void everyPipelineAndProviderClassIsRegistered() {
        Set<JavaClass> classes =
                new ClassFileImporter()
                                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                .importPackages("io.tributary.pipelines")
                                .stream()
                                .collect(Collectors.toSet());
        Set<String> registered =
                Pipelines.all().stream()
                        .map(p -> p.getClass().getName())
                        .collect(Collectors.toSet());
        Set<String> registeredPackages =
                Pipelines.all().stream()
                        .map(p -> p.getClass().getPackageName())
                        .collect(Collectors.toSet());
        for (JavaClass c : classes) {
            if (c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
                    || c.isInterface()) {
                continue;
            }
            if (c.isAssignableTo(PipelineProvider.class)) {
                assertThat(registered)
                        .as(
                                "%s is listed in META-INF/services/%s",
                                c.getName(), PipelineProvider.class.getName())
                        .contains(c.getName());
            }
            if (c.isAssignableTo(Pipeline.class)) {
                assertThat(registeredPackages)
                        .as("%s's package has a registered PipelineProvider", c.getName())
                        .contains(c.getPackageName());
            }
            if (c.isAssignableTo(Pipeline.class) && c.getSimpleName().endsWith("Pipeline")) {
                assertThat(c.isAssignableTo(DeclaredPipeline.class))
                        .as(
                                "%s declares its tables and stages in its pipeline.yaml, as a %s",
                                c.getName(), DeclaredPipeline.class.getSimpleName())
                        .isTrue();
            }
        }
    }

    @Test
    void terraformsGoldTableListIsTheRegisteredPipelinesOwn() throws Exception {
        String[] listed =
                new ObjectMapper().readValue(Files.readString(GOLD_TABLES), String[].class);
        List<String> declared = Pipelines.goldTables();
        assertThat(declared).as("the pipelines declare gold tables").isNotEmpty();
        assertThat(listed)
                .as(
                        "%s must hold the pipelines' gold tables; write it as:%n%s",
                        GOLD_TABLES,
                        new ObjectMapper()
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(declared))
                .containsExactlyElementsOf(declared);
    }

    @Test
    void theHelmValuesHaveAnEntryForEveryRegisteredPipelineAndNoOther() throws Exception {
        Map<String, Object> values = new Yaml().load(Files.readString(HELM_VALUES));
        @SuppressWarnings("unchecked")
        Set<String> inValues =
                new TreeSet<>(((Map<String, Object>) values.get("pipelines")).keySet());
        assertThat(inValues)
                .as("the pipelines of %s", HELM_VALUES)
                .containsExactlyElementsOf(Pipelines.names());
    }

    @Test
    void everyOptionOfAPipelineIsItsOwnAndDescribed() {
        for (PipelineProvider p : Pipelines.all()) {
            assertThat(p.options())
                    .as("%s's options", p.name())
                    .isNotEmpty()
                    .allSatisfy(
                            o -> {
                                assertThat(o.key()).startsWith("tributary." + p.name() + ".");
                                assertThat(o.description().getBlocks()).as(o.key()).isNotEmpty();
                            });
        }
    }
}
