package io.tributary.connector.delta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tributary.connector.delta.internal.KernelInternals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector's house rules. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.tributary.connector.delta");
    }

    @Test
    void kernelInternalsAreUsedByOneAdapterOnly() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(KernelInternals.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(KernelInternals.class.getName() + "$FileAction")
                .and()
                .doNotHaveFullyQualifiedName(KernelInternals.class.getName() + "$ScanFile")
                .and()
                .doNotHaveFullyQualifiedName(KernelInternals.class.getName() + "$WriteContexts")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.delta.kernel.internal..")
                .because(
                        "Kernel's internal classes change without notice between releases: what an"
                                + " upgrade must re-check is KernelInternals")
                .check(classes);
    }

    @Test
    void thePublicApiDoesNotDependOnTheSqlLayer() {
        noClasses()
                .that()
                .resideInAPackage("io.tributary.connector.delta")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.tributary.connector.delta.table..")
                .because("DataStream users need no SQL planner classes")
                .check(classes);
    }
}
