package io.tributary.pipelines.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerPolicyTest {
    @Test
    void shortCommandsAreServedAndStreamsDemosAndBenchmarksAreNot() {
        assertThat(ServerPolicy.commandDeclines(List.of("sql", "SELECT 1"))).isEmpty();
        assertThat(ServerPolicy.commandDeclines(List.of("run", "weblogs"))).isEmpty();
        assertThat(ServerPolicy.commandDeclines(List.of("run", "weblogs", "--mode", "batch")))
                .isEmpty();
        assertThat(ServerPolicy.commandDeclines(List.of("run", "weblogs", "--mode", "streaming")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("stream"));
        assertThat(ServerPolicy.commandDeclines(List.of("run", "weblogs", "--mode=STREAMING")))
                .isPresent();
        assertThat(ServerPolicy.commandDeclines(List.of("demo"))).isPresent();
        assertThat(ServerPolicy.commandDeclines(List.of("bench", "weblogs"))).isPresent();
        assertThat(ServerPolicy.commandDeclines(List.of("server", "stop"))).isPresent();
        assertThat(ServerPolicy.commandDeclines(List.of())).isPresent();
    }

    @Test
    void onlyATerminalsOwnVariablesMayDiffer() {
        Map<String, String> server = Map.of("HOME", "/home/a", "TERM", "xterm", "SHLVL", "1");
        assertThat(
                        ServerPolicy.differingVariables(
                                Map.of("HOME", "/home/a", "TERM", "screen", "SHLVL", "3"), server))
                .isEmpty();
        assertThat(
                        ServerPolicy.differingVariables(
                                Map.of("HOME", "/home/a", "AWS_PROFILE", "prod"), server))
                .containsExactly("AWS_PROFILE");
        assertThat(ServerPolicy.differingVariables(Map.of("HOME", "/home/b"), server))
                .containsExactly("HOME");
    }
}
