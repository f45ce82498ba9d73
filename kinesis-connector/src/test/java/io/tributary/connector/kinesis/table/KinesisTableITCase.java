package io.tributary.connector.kinesis.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.kinesis.local.Kinesalite;
import io.tributary.connector.kinesis.testutils.LocalKinesis;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code 'connector' = 'kinesis'} in SQL, against kinesalite, with the official option names. */
class KinesisTableITCase {
    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    @RegisterExtension static final LocalKinesis KINESIS = new LocalKinesis();

    @BeforeAll
    static void createStream() {
        KINESIS.streams().create("clicks", 2);
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String json = "{\"user_id\":\"u" + (i % 5) + "\",\"n\":" + i + "}";
            records.add(
                    new AbstractMap.SimpleEntry<>(
                            "u" + (i % 5), json.getBytes(StandardCharsets.UTF_8)));
        }
        KINESIS.streams().put("clicks", records);
    }

    @Test
    void aBoundedTableReadsTheRecordsWithTheirMetadata() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tEnv.executeSql(
                "CREATE TABLE clicks (user_id STRING, n INT,"
                        + " shard STRING METADATA FROM 'shard-id' VIRTUAL,"
                        + " seq STRING METADATA FROM 'sequence-number' VIRTUAL,"
                        + " arrived TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL)"
                        + " WITH ("
                        + options()
                        + ", 'source.bounded' = 'true', 'format' = 'json')");
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it =
                tEnv.executeSql("SELECT user_id, n, shard, seq, arrived FROM clicks").collect()) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows)
                .extracting(r -> (Integer) r.getField(1))
                .hasSize(50)
                .doesNotHaveDuplicates();
        assertThat(rows)
                .allSatisfy(
                        r -> {
                            assertThat((String) r.getField(2)).startsWith("shardId-");
                            assertThat((String) r.getField(3)).matches("[0-9]{20,}");
                            assertThat(r.getField(4)).isNotNull();
                        });
        // One key, one shard: a user's events share theirs.
        assertThat(
                        rows.stream()
                                .filter(r -> "u3".equals(r.getField(0)))
                                .map(r -> r.getField(2))
                                .distinct())
                .hasSize(1);
    }

    /**
     * Without 'aws.credentials.provider' the SDK's default chain signs the requests (IRSA in EKS);
     * here its system-property link supplies a key kinesalite accepts.
     */
    @Test
    void theDefaultCredentialsChainSignsWhenNoProviderIsSet() throws Exception {
        System.setProperty("aws.accessKeyId", Kinesalite.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", Kinesalite.SECRET_ACCESS_KEY);
        try {
            TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
            tEnv.executeSql(
                    "CREATE TABLE chain (n INT) WITH ('connector' = 'kinesis', 'stream' = 'clicks',"
                            + " 'aws.region' = '"
                            + Kinesalite.REGION
                            + "', 'aws.endpoint' = '"
                            + KINESIS.endpoint()
                            + "', 'source.init.position' = 'TRIM_HORIZON',"
                            + " 'source.bounded' = 'true', 'format' = 'json')");
            List<Row> rows = new ArrayList<>();
            try (CloseableIterator<Row> it = tEnv.executeSql("SELECT n FROM chain").collect()) {
                it.forEachRemaining(rows::add);
            }
            assertThat(rows).hasSize(50);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void aMisspelledOptionFailsNamingIt() {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tEnv.executeSql(
                "CREATE TABLE typo (user_id STRING) WITH ("
                        + options()
                        + ", 'source.init.postion' = 'LATEST', 'format' = 'json')");
        assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM typo").collect().close())
                .rootCause()
                .hasMessageContaining("source.init.postion")
                .hasMessageContaining("source.init.position");
    }

    private static String options() {
        return "'connector' = 'kinesis', 'stream' = 'clicks',"
                + " 'aws.region' = '"
                + Kinesalite.REGION
                + "', 'aws.endpoint' = '"
                + KINESIS.endpoint()
                + "', 'aws.credentials.provider' = 'BASIC',"
                + " 'aws.credentials.basic.accesskeyid' = '"
                + Kinesalite.ACCESS_KEY_ID
                + "', 'aws.credentials.basic.secretkey' = '"
                + Kinesalite.SECRET_ACCESS_KEY
                + "', 'source.init.position' = 'TRIM_HORIZON'";
    }
}
