package io.tributary.connector.delta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector's house rules. */
class ArchitectureTest {
    /**
     * The classes that reach into Delta Kernel's internals (actions, snapshots, log file names):
     * what a Kernel upgrade must re-check. The list only shrinks; folding them into one adapter is
     * the goal.
     */
    private static final String[] KERNEL_INTERNALS_USERS = {
        "io.tributary.connector.delta.DeltaTableInfo",
        "io.tributary.connector.delta.source.DeltaCommitReader",
        "io.tributary.connector.delta.internal.TableVacuum",
        "io.tributary.connector.delta.internal.SchemaEvolution",
        "io.tributary.connector.delta.internal.DeltaCommitter",
        "io.tributary.connector.delta.internal.TableCompaction",
        "io.tributary.connector.delta.internal.TableFiles",
        "io.tributary.connector.delta.internal.UnsupportedTableException"
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.tributary.connector.delta");
    }

    @Test
    void kernelInternalsAreUsedByTheListedClassesOnly() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(KERNEL_INTERNALS_USERS[0])
                .and(
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "not listed",
                                c ->
                                        !java.util.Arrays.asList(KERNEL_INTERNALS_USERS)
                                                .contains(c.getName().replaceAll("\\$.*", ""))))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.delta.kernel.internal..")
                .because("Kernel's internal classes change without notice between releases")
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
