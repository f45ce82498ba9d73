package io.tributary.pipelines.sre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.runtime.ConfigurationError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reaching the operational database from the tributary.sre.jdbc.* settings. */
class SreDatabaseTest {
    @TempDir Path dir;

    @Test
    void mariaDbUrlsSpeakMysqlThroughTheMariaDbDriver() {
        SreDatabase maria = new SreDatabase("jdbc:mariadb://db:3306/sre?useSSL=true", "u", null);
        assertThat(maria.flinkUrl())
                .isEqualTo("jdbc:mysql://db:3306/sre?useSSL=true&permitMysqlScheme");
        assertThat(maria.driver()).isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(maria.redacted())
                .as("lineage keeps no query string")
                .isEqualTo("jdbc:mariadb://db:3306/sre");
        assertThat(new SreDatabase("jdbc:mysql://db/sre", null, null).flinkUrl())
                .isEqualTo("jdbc:mysql://db/sre?permitMysqlScheme");
        SreDatabase pg = new SreDatabase("jdbc:postgresql://db/sre", "u", null);
        assertThat(pg.flinkUrl()).isEqualTo("jdbc:postgresql://db/sre");
        assertThat(pg.driver()).isEqualTo("org.postgresql.Driver");
        assertThatThrownBy(() -> new SreDatabase("jdbc:oracle:thin:@db", null, null).driver())
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("Unsupported JDBC URL");
    }

    @Test
    void aUrlCarryingCredentialsIsRefusedWithoutRepeatingThem() {
        for (String url :
                new String[] {
                    "jdbc:mysql://admin:hunter2@db:3306/sre",
                    "jdbc:mariadb://db:3306/sre?user=admin&password=hunter2",
                    "jdbc:postgresql://db/sre?sslmode=require&password=hunter2",
                    "jdbc:postgresql://db/sre?PWD=hunter2"
                }) {
            assertThatThrownBy(() -> new SreDatabase(url, null, null))
                    .as(url)
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessageContaining("carries credentials")
                    .hasMessageNotContaining("hunter2")
                    .satisfies(
                            e ->
                                    assertThat(((ConfigurationError) e).fix())
                                            .contains(SreOptions.JDBC_PASSWORD_FILE.key()));
        }
        assertThat(SreDatabase.redact("jdbc:mysql://admin:hunter2@db:3306/sre?x=1"))
                .isEqualTo("jdbc:mysql://db:3306/sre");
    }

    @Test
    void thePasswordComesFromAFileBeforeTheVariableAndNeverFromTheSettings() throws Exception {
        Configuration conf = new Configuration();
        conf.set(SreOptions.JDBC_URL, "jdbc:postgresql://db/sre");
        conf.set(SreOptions.JDBC_PASSWORD_ENV, "TRIBUTARY_TEST_VARIABLE_THAT_IS_NOT_SET");
        assertThat(SreDatabase.fromConfig(conf).password()).isNull();
        Path secret = Files.writeString(dir.resolve("password"), "s3cr3t\n");
        conf.set(SreOptions.JDBC_PASSWORD_FILE, secret.toString());
        assertThat(SreDatabase.fromConfig(conf).password()).isEqualTo("s3cr3t");
        conf.set(SreOptions.JDBC_PASSWORD_FILE, dir.resolve("missing").toString());
        assertThatThrownBy(() -> SreDatabase.fromConfig(conf))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("Cannot read the database password file");
        assertThatThrownBy(() -> SreDatabase.fromConfig(new Configuration()))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("tributary.sre.jdbc.url is not set");
    }
}
