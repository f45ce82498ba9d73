package io.tributary.pipelines.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFilesTest {
    @TempDir Path processFolder;

    @Test
    void filesAndFoldersGoToTheTemporaryFolderTheJvmHasNowNotTheOneItStartedWith()
            throws Exception {
        String started = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", processFolder.toString());
        try {
            Path folder = TemporaryFiles.folder("tributary-test");
            Path file = TemporaryFiles.file("tributary-test", ".yaml");

            assertThat(folder).isDirectory().hasParent(processFolder);
            assertThat(folder.getFileName().toString()).startsWith("tributary-test");
            assertThat(file).isRegularFile().hasParent(processFolder);
            assertThat(file.getFileName().toString()).endsWith(".yaml");
        } finally {
            System.setProperty("java.io.tmpdir", started);
        }
    }
}
