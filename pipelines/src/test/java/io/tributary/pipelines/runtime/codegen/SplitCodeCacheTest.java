package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCodeCacheTest {
    @TempDir Path folder;

    private final AtomicInteger splits = new AtomicInteger();

    private Supplier<String> splitter(String result) {
        return () -> {
            splits.incrementAndGet();
            return result;
        };
    }

    private String split(String code, int maxLength, int maxMembers, String result) {
        return SplitCodeCache.split(
                new KeptResults(folder, 10, "1.20.1"),
                code,
                maxLength,
                maxMembers,
                splitter(result));
    }

    @Test
    void aSecondJvmTakesTheKeptSplitWithoutSplitting() {
        assertThat(split("code", 40, 100, "split")).isEqualTo("split");
        assertThat(split("code", 40, 100, "other")).isEqualTo("split");
        assertThat(splits).hasValue(1);
    }

    @Test
    void theLimitsArePartOfTheKey() {
        split("code", 40, 100, "a");

        assertThat(split("code", 41, 100, "b")).isEqualTo("b");
        assertThat(split("code", 40, 101, "c")).isEqualTo("c");
        assertThat(split("code2", 40, 100, "d")).isEqualTo("d");
        assertThat(splits).hasValue(4);
    }

    @Test
    void codeBeyondAsciiComesBackAsItWent() {
        split("code", 40, 100, "\"naïve — ünïcode\" ✓");

        assertThat(split("code", 40, 100, "other")).isEqualTo("\"naïve — ünïcode\" ✓");
    }
}
