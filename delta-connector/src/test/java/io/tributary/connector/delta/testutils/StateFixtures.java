package io.tributary.connector.delta.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Committed bytes of the connector's state, one file per case under {@code
 * src/test/resources/state-fixtures/}: a test reads them back with today's serializer, so a
 * savepoint taken by the release that wrote them restores after the classes change. A fixture is
 * written once, when its version is new: {@code mvn -pl delta-connector test
 * -Dtest='*SerializerTest' -Dtributary.write-state-fixtures=true}; never rewritten for an existing
 * version.
 */
public final class StateFixtures {
    private static final Path DIR = Path.of("src", "test", "resources", "state-fixtures");
    private static final boolean WRITE = Boolean.getBoolean("tributary.write-state-fixtures");

    private StateFixtures() {}

    /**
     * Checks that {@code value} is what the fixture {@code name} (written at {@code version})
     * holds, and that today's serializer still writes those bytes when its version is {@code
     * version}.
     */
    public static <T> void assertRestores(
            String name, int version, T value, SimpleVersionedSerializer<T> serializer)
            throws IOException {
        Path fixture = DIR.resolve(name + ".v" + version + ".bin");
        if (WRITE && !Files.exists(fixture)) {
            assertThat(serializer.getVersion())
                    .as("fixtures are written at the serializer's current version")
                    .isEqualTo(version);
            Files.createDirectories(DIR);
            Files.write(fixture, serializer.serialize(value));
        }
        assertThat(fixture)
                .as("fixture %s (write it with -Dtributary.write-state-fixtures=true)", fixture)
                .exists();
        byte[] committed = Files.readAllBytes(fixture);
        assertThat(serializer.deserialize(version, committed))
                .as("%s restores", fixture)
                .isEqualTo(value);
        if (serializer.getVersion() == version) {
            assertThat(serializer.serialize(value))
                    .as("%s: today's bytes", fixture)
                    .isEqualTo(committed);
        }
    }
}
