package io.tributary.pipelines.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.provider.DirectoryConfigProvider;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {
    @TempDir Path dir;

    @Test
    void credentialsStayInTheirFileAndKafkaReadsThemWhereTheClientStarts() throws Exception {
        String jaas =
                "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"u\" password=\"s3cret\";";
        Path secret =
                Files.writeString(
                        dir.resolve("client.properties"),
                        "sasl.jaas.config=" + jaas + "\nssl.truststore.password=trust-me\n");
        Configuration conf = new Configuration();
        conf.setString("tributary.kafka.properties.security.protocol", "SASL_SSL");
        conf.set(TributaryOptions.KAFKA_PROPERTIES_FILE, secret.toString());

        Map<String, String> properties = KafkaSources.clientProperties(conf);

        assertThat(properties).containsEntry("security.protocol", "SASL_SSL");
        assertThat(String.join(" ", properties.values()))
                .as("what the job graph carries")
                .doesNotContain("s3cret")
                .doesNotContain("trust-me");

        Map<String, Object> client = new HashMap<>(properties);
        client.put("key.deserializer", ByteArrayDeserializer.class.getName());
        client.put("value.deserializer", ByteArrayDeserializer.class.getName());
        ConsumerConfig consumer = new ConsumerConfig(client);
        assertThat(consumer.getPassword("sasl.jaas.config").value()).isEqualTo(jaas);
        assertThat(consumer.getPassword("ssl.truststore.password").value()).isEqualTo("trust-me");
        assertThat(consumer.getString("security.protocol")).isEqualTo("SASL_SSL");
    }

    @Test
    void aUsersOwnConfigProvidersAreKept() throws Exception {
        Path secret = Files.writeString(dir.resolve("client.properties"), "ssl.key.password=k\n");
        Configuration conf = new Configuration();
        conf.setString("tributary.kafka.properties.config.providers", "dir");
        conf.setString(
                "tributary.kafka.properties.config.providers.dir.class",
                DirectoryConfigProvider.class.getName());
        conf.set(TributaryOptions.KAFKA_PROPERTIES_FILE, secret.toString());

        Map<String, String> properties = KafkaSources.clientProperties(conf);

        assertThat(properties.get("config.providers")).isEqualTo("dir,tributarysecrets");
        assertThat(properties)
                .containsEntry(
                        "config.providers.dir.class", DirectoryConfigProvider.class.getName());
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
