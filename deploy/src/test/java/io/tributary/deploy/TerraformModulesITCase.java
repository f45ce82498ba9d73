package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terraform under {@code terraform/}, checked with the terraform binary: the environment
 * validates against the AWS provider where a mirror of it exists, every file parses and is
 * formatted, every module has its four files, every variable a description and a type, every output
 * a description, and every module an environment uses exists.
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

    /**
     * {@code terraform validate} needs the AWS provider's schema; registries are out of reach here,
     * so it runs where a provider mirror exists ({@code TRIBUTARY_TF_PLUGIN_DIR}, by default {@code
     * /opt/tf-plugins}) and is skipped elsewhere. The GitHub workflow validates with the registry.
     */
    @Test
    void theEnvironmentValidatesAgainstTheAwsProvidersSchema(@TempDir Path work) throws Exception {
        Path plugins =
                Path.of(
                        Optional.ofNullable(System.getenv("TRIBUTARY_TF_PLUGIN_DIR"))
                                .orElse("/opt/tf-plugins"));
        assumeThat(plugins.resolve("registry.terraform.io/hashicorp/aws"))
                .as("a mirror of the AWS provider")
                .isDirectory();
        copy(TERRAFORM, work);
        Path dev = work.resolve("envs/dev");
        Result valid = validate(dev, plugins);
        assertThat(valid.exitCode).as("terraform validate:%n%s", valid.output).isZero();

        // The check has teeth: an attribute the provider does not know fails it.
        Path iam = work.resolve("modules/iam/main.tf");
        Files.writeString(
                iam,
                Files.readString(iam)
                        .replace(
                                "  assume_role_policy = ",
                                "  no_such_attribute  = true\n  assume_role_policy = "));
        Result invalid = validate(dev, plugins);
        assertThat(invalid.exitCode).isNotZero();
        assertThat(invalid.output).contains("no_such_attribute");
    }

    private static Result validate(Path dir, Path plugins) throws Exception {
        Result init =
                terraform(
                        "-chdir=" + dir,
                        "init",
                        "-backend=false",
                        "-input=false",
                        "-plugin-dir=" + plugins);
        assertThat(init.exitCode).as("terraform init:%n%s", init.output).isZero();
        return terraform("-chdir=" + dir, "validate", "-no-color");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.toString().contains(".terraform")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void aSyntaxErrorIsCaught(@TempDir Path broken) throws Exception {
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
