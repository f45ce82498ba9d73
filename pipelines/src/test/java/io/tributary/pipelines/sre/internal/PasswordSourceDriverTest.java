package io.tributary.pipelines.sre.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.sre.SreDatabase;
import io.tributary.pipelines.sre.SreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC connector's options carry where the password is, never the password. */
class PasswordSourceDriverTest {
    @TempDir Path dir;

    @Test
    void aPasswordFromAFileTravelsAsThePathOnly() throws Exception {
        Path secret = Files.writeString(dir.resolve("password"), "s3cr3t-value\n");
        Configuration conf = new Configuration();
        conf.set(SreOptions.JDBC_URL, "jdbc:postgresql://db/sre");
        conf.set(SreOptions.JDBC_USER, "reader");
        conf.set(SreOptions.JDBC_PASSWORD_FILE, secret.toString());

        Map<String, String> options =
                JdbcSourceTables.connectionOptions(SreDatabase.fromConfig(conf));

        assertThat(options)
                .containsEntry("driver", PasswordSourceDriver.class.getName())
                .containsEntry("password", "tributary-password:file:" + secret)
                .containsEntry("username", "reader");
        assertThat(options.values()).noneMatch(v -> v.contains("s3cr3t-value"));
    }

    @Test
    void withoutAPasswordTheRealDriverIsNamed() {
        Map<String, String> options =
                JdbcSourceTables.connectionOptions(
                        new SreDatabase("jdbc:mysql://db/sre", "reader", null));
        assertThat(options).containsEntry("driver", "org.mariadb.jdbc.Driver");
        assertThat(options).containsEntry("password", "");
    }

    @Test
    void anUnreadablePasswordFileFailsTheConnectionNamingTheFile() {
        Properties info = new Properties();
        info.setProperty("user", "reader");
        info.setProperty("password", PasswordSourceDriver.option("file:" + dir.resolve("absent")));
        assertThatThrownBy(
                        () ->
                                new PasswordSourceDriver()
                                        .connect("jdbc:postgresql://127.0.0.1:1/sre", info))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Cannot read the database password file")
                .hasMessageContaining("absent");
    }

    @Test
    void urlsOfOtherDatabasesAreNotTaken() throws Exception {
        PasswordSourceDriver driver = new PasswordSourceDriver();
        assertThat(driver.acceptsURL("jdbc:oracle:thin:@db")).isFalse();
        assertThat(driver.connect("jdbc:oracle:thin:@db", new Properties())).isNull();
        assertThat(driver.acceptsURL("jdbc:postgresql://db/sre")).isTrue();
    }
}
