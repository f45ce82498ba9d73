package io.tributary.pipelines.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.runtime.Pipelines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipelines module's house rules. The domain packages are those of the registered pipelines, so
 * a new pipeline is held to them as soon as it is registered.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.tributary.pipelines");
    }

    static String[] domainPackages() {
        return Pipelines.all().stream()
                .map(p -> p.getClass().getPackageName() + "..")
                .toArray(String[]::new);
    }

    @Test
    void theRuntimeTheCommandLineAndTheSharedCommandsKnowNoDomain() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.tributary.pipelines.runtime..",
                        "io.tributary.pipelines.cli..",
                        "io.tributary.pipelines.command..",
                        "io.tributary.pipelines.streams..",
                        "io.tributary.pipelines.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(domainPackages())
                .because(
                        "a pipeline joins by registering itself (META-INF/services/"
                                + PipelineProvider.class.getName()
                                + "), not by being named in shared code")
                .check(classes);
    }

    @Test
    void noDomainUsesAnothersCode() {
        for (String domain : domainPackages()) {
            String[] others =
                    java.util.Arrays.stream(domainPackages())
                            .filter(d -> !d.equals(domain))
                            .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(domain)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because(
                            "each domain stands alone; what two share belongs in runtime, command or streams")
                    .check(classes);
        }
    }

    @Test
    void otherModulesInternalsAreNotUsed() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.tributary.connector..internal..",
                        "io.tributary.formats..internal..",
                        "io.tributary.udfs..internal..")
                .because("internal packages may change in any release; use the module's public API")
                .check(classes);
    }

    @Test
    void aDomainsInternalsStayInTheDomain() {
        for (String domain : domainPackages()) {
            String root = domain.substring(0, domain.length() - 2);
            noClasses()
                    .that()
                    .resideOutsideOfPackage(domain)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(root + ".internal..")
                    .check(classes);
        }
    }
}
