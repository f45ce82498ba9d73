package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Terraform under {@code terraform/}, checked with the terraform binary but without providers
 * (they cannot be downloaded here): every file parses and is formatted, every module has its four
 * files, every variable a description and a type, every output a description, and every module an
 * environment uses exists.
 */
class TerraformModulesITCase {
    private static final Path TERRAFORM =
            Path.of(System.getProperty("tributary.home", ".."), "terraform");
    private static final List<String> MODULE_FILES =
            List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf");
    private static final Pattern VARIABLE = Pattern.compile("(?m)^variable\\s+\"([^\"]+)\"\\s*\\{");
    private static final Pattern OUTPUT = Pattern.compile("(?m)^output\\s+\"([^\"]+)\"\\s*\\{");
    private static final Pattern MODULE_SOURCE =
            Pattern.compile("(?m)^\\s*source\\s*=\\s*\"(\\.[^\"]+)\"");

    @Test
    void everyFileParsesAndIsFormatted() throws Exception {
        Result fmt = terraform("fmt", "-check", "-recursive", "-diff", TERRAFORM.toString());
        assertThat(fmt.exitCode).as("terraform fmt -check -recursive:%n%s", fmt.output).isZero();
    }

    @Test
    void aSyntaxErrorIsCaught() throws Exception {
        Path broken = Files.createTempDirectory("tf-broken");
        Files.writeString(
                broken.resolve("main.tf"), "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \n");
        assertThat(terraform("fmt", "-check", broken.toString()).exitCode)
                .as("fmt parses what it checks")
                .isNotZero();
    }

    @Test
    void modulesHaveTheirFilesAndEveryVariableADescriptionAndAType() throws Exception {
        List<Path> modules = modules();
        assertThat(modules)
                .extracting(p -> p.getFileName().toString())
                .contains("lake", "catalog", "athena", "iam", "streams", "dev");
        for (Path module : modules) {
            for (String file : MODULE_FILES) {
                assertThat(module.resolve(file)).as("%s has %s", module, file).exists();
            }
            for (String block : blocks(module.resolve("variables.tf"), VARIABLE)) {
                assertThat(block)
                        .as("variable in %s:%n%s", module, block)
                        .contains("description")
                        .contains("type");
            }
            for (String block : blocks(module.resolve("outputs.tf"), OUTPUT)) {
                assertThat(block).as("output in %s:%n%s", module, block).contains("description");
            }
        }
    }

    @Test
    void everyModuleAnEnvironmentUsesExists() throws Exception {
        String main = Files.readString(TERRAFORM.resolve("envs/dev/main.tf"));
        Matcher m = MODULE_SOURCE.matcher(main);
        List<String> sources = new ArrayList<>();
        while (m.find()) {
            sources.add(m.group(1));
            assertThat(
                            TERRAFORM
                                    .resolve("envs/dev")
                                    .resolve(m.group(1))
                                    .normalize()
                                    .resolve("main.tf"))
                    .exists();
        }
        assertThat(sources).hasSize(5);
        assertThat(TERRAFORM.resolve("gold-tables.json")).as("the catalog's table list").exists();
    }

    private static List<Path> modules() throws IOException {
        try (Stream<Path> modules =
                Stream.concat(
                        Files.list(TERRAFORM.resolve("modules")),
                        Files.list(TERRAFORM.resolve("envs")))) {
            return modules.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    /** The text of every top-level block the pattern opens, up to its closing brace. */
    private static List<String> blocks(Path file, Pattern opening) throws IOException {
        String text = Files.readString(file);
        List<String> blocks = new ArrayList<>();
        Matcher m = opening.matcher(text);
        while (m.find()) {
            int depth = 0;
            int end = m.end() - 1;
            do {
                char c = text.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } while (depth > 0 && end < text.length());
            blocks.add(text.substring(m.start(), end));
        }
        assertThat(blocks).as("blocks in %s", file).isNotEmpty();
        return blocks;
    }

    private static Result terraform(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "terraform (1.5 or later) must be on the PATH for these checks", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("terraform finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
