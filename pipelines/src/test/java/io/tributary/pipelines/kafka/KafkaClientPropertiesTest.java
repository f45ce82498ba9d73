package io.tributary.pipelines.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {
    @TempDir Path dir;

    @Test
    void credentialsComeFromAFileBesideTheSettingsInline() throws Exception {
        Path secret =
                Files.writeString(
                        dir.resolve("client.properties"),
                        "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule"
                                + " required username=\"u\" password=\"p\";\n");
        Configuration conf = new Configuration();
        conf.setString("tributary.kafka.properties.security.protocol", "SASL_SSL");
        conf.set(TributaryOptions.KAFKA_PROPERTIES_FILE, secret.toString());

        assertThat(KafkaSources.clientProperties(conf))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"u\" password=\"p\";")
                .hasSize(2);
    }

    @Test
    void aSettingInBothPlacesOrAnUnreadableFileIsRefused() throws Exception {
        Path secret =
                Files.writeString(dir.resolve("client.properties"), "security.protocol=SSL\n");
        Configuration both = new Configuration();
        both.setString("tributary.kafka.properties.security.protocol", "SASL_SSL");
        both.set(TributaryOptions.KAFKA_PROPERTIES_FILE, secret.toString());
        assertThatThrownBy(() -> KafkaSources.clientProperties(both))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("security.protocol");

        Configuration missing = new Configuration();
        missing.set(TributaryOptions.KAFKA_PROPERTIES_FILE, dir.resolve("absent").toString());
        assertThatThrownBy(() -> KafkaSources.clientProperties(missing))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("absent");
    }
}
