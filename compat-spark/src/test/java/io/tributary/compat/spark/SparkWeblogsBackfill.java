package io.tributary.compat.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The web-log backfill written for Spark 4 with delta-spark, for {@code tributary bench weblogs
 * --spark}: the same landing folder through the same three layers — bronze (each line, its file),
 * silver (requests parsed with a regular expression and partitioned by date; rejects), and the five
 * gold tables — into Delta tables. It is what a data engineer would write in Spark SQL, not a port
 * of Tributary's parser: the figure is a yardstick, the rows are not compared here (the other tests
 * of this module compare what both engines read).
 *
 * <p>Arguments: a warm-up landing folder, the landing folder to time, a scratch folder. A backfill
 * of the warm-up folder runs first in the same JVM, as Tributary's benchmark does; one line then
 * gives the seconds of the timed backfill: {@code spark-seconds <s>}.
 */
public final class SparkWeblogsBackfill {
    /** Apache combined log format; a line it does not match is a reject. */
    private static final String COMBINED =
            "^(\\\\S+) (\\\\S+) (\\\\S+) \\\\[([^\\\\]]+)\\\\] \"(\\\\S+) ([^ \"]*)(?: (\\\\S+))?\""
                    + " (\\\\d{3}) (\\\\S+)(?: \"([^\"]*)\" \"([^\"]*)\")?";

    private SparkWeblogsBackfill() {}

    public static void main(String[] args) throws Exception {
        Path warmUp = Path.of(args[0]);
        Path landing = Path.of(args[1]);
        Path scratch = Files.createDirectories(Path.of(args[2]));
        SparkSession spark = BothEngines.spark(scratch);
        spark.sparkContext().setLogLevel("ERROR");
        backfill(spark, warmUp, scratch.resolve("warm-up-lake"));
        long start = System.nanoTime();
        backfill(spark, landing, scratch.resolve("lake"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "spark-seconds %.2f%n", seconds);
        spark.stop();
    }

    static void backfill(SparkSession spark, Path landingFolder, Path lakeFolder) {
        // Absolute: Spark reads delta.`<path>` as a path only when the path is absolute, and the
        // bench's default scratch folder is relative (./tributary-data/bench).
        Path landing = landingFolder.toAbsolutePath();
        Path lake = lakeFolder.toAbsolutePath();
        spark.read()
                .option("recursiveFileLookup", "true")
                .text(landing.toString())
                .createOrReplaceTempView("landing_lines");
        spark.sql(
                        "SELECT value AS line, input_file_name() AS source_file,"
                                + " monotonically_increasing_id() AS line_number,"
                                + " current_timestamp() AS ingest_time, 'landing' AS origin"
                                + " FROM landing_lines")
                .write()
                .format("delta")
                .mode("overwrite")
                .save(lake.resolve("bronze/weblogs_raw").toString());
        spark.read()
                .format("delta")
                .load(lake.resolve("bronze/weblogs_raw").toString())
                .createOrReplaceTempView("bronze");
        spark.sql(
                        "SELECT line, source_file, line_number, origin,"
                                + field(1, "client_ip")
                                + field(2, "ident")
                                + field(3, "user")
                                + field(4, "stamp")
                                + field(5, "method")
                                + field(6, "target")
                                + field(7, "protocol")
                                + field(8, "status_text")
                                + field(9, "bytes_text")
                                + field(10, "referrer")
                                + " regexp_extract(line, '"
                                + COMBINED
                                + "', 11) AS user_agent FROM bronze")
                .createOrReplaceTempView("fields");
        spark.sql(
                        "SELECT *, try_to_timestamp(stamp, 'dd/MMM/yyyy:HH:mm:ss Z') AS ts"
                                + " FROM fields")
                .createOrReplaceTempView("parsed");
        for (String statement : SILVER_AND_GOLD) {
            spark.sql(statement.replace("${lake}", lake.toString()));
        }
    }

    private static String field(int group, String name) {
        return " regexp_extract(line, '" + COMBINED + "', " + group + ") AS " + name + ",";
    }

    private static final List<String> SILVER_AND_GOLD =
            List.of(
                    "CREATE OR REPLACE TABLE delta.`${lake}/silver/weblogs_requests`"
                            + " USING delta PARTITIONED BY (`date`) AS"
                            + " SELECT client_ip, ident, user, ts, substring(stamp, 22, 5) AS utc_offset,"
                            + " method, split(target, '\\\\?')[0] AS endpoint,"
                            + " get(split(target, '\\\\?', 2), 1) AS query, protocol,"
                            + " try_cast(status_text AS INT) AS status,"
                            + " concat(substring(status_text, 1, 1), 'xx') AS status_class,"
                            + " CASE WHEN bytes_text = '-' THEN NULL ELSE try_cast(bytes_text AS BIGINT) END AS bytes,"
                            + " referrer, user_agent,"
                            + " split(target, '\\\\?')[0] RLIKE '\\\\.[A-Za-z0-9]{1,5}$' AS is_file,"
                            + " CAST(try_to_timestamp(substring(stamp, 1, 11), 'dd/MMM/yyyy') AS DATE) AS `date`,"
                            + " date_format(try_to_timestamp(substring(stamp, 1, 11), 'dd/MMM/yyyy'), 'EEEE') AS weekday,"
                            + " source_file, line_number, origin"
                            + " FROM parsed WHERE client_ip <> '' AND ts IS NOT NULL",
                    "CREATE OR REPLACE TABLE delta.`${lake}/silver/weblogs_rejects` USING delta AS"
                            + " SELECT line, source_file, line_number, origin,"
                            + " CASE WHEN client_ip = '' THEN 'not combined log format'"
                            + " ELSE 'bad timestamp' END AS reject_reason"
                            + " FROM parsed WHERE client_ip = '' OR ts IS NULL",
                    "CREATE OR REPLACE TABLE delta.`${lake}/gold/weblogs_summary` USING delta AS"
                            + " SELECT COUNT(*) AS total_requests,"
                            + " COUNT(DISTINCT client_ip) AS distinct_client_ips,"
                            + " COUNT(DISTINCT `date`) AS days_represented,"
                            + " MIN(`date`) AS first_date, MAX(`date`) AS last_date,"
                            + " (SELECT COUNT(*) FROM delta.`${lake}/silver/weblogs_rejects`)"
                            + " AS rejected_lines"
                            + " FROM delta.`${lake}/silver/weblogs_requests`",
                    "CREATE OR REPLACE TABLE delta.`${lake}/gold/weblogs_top_client_ips` USING delta AS"
                            + " SELECT CAST(rn AS INT) AS rank, client_ip, requests FROM ("
                            + " SELECT client_ip, requests,"
                            + " ROW_NUMBER() OVER (ORDER BY requests DESC, client_ip) AS rn FROM ("
                            + " SELECT client_ip, COUNT(*) AS requests"
                            + " FROM delta.`${lake}/silver/weblogs_requests` GROUP BY client_ip))"
                            + " WHERE rn <= 10",
                    "CREATE OR REPLACE TABLE delta.`${lake}/gold/weblogs_top_endpoints` USING delta AS"
                            + " SELECT CAST(rn AS INT) AS rank, endpoint, requests FROM ("
                            + " SELECT endpoint, requests,"
                            + " ROW_NUMBER() OVER (ORDER BY requests DESC, endpoint) AS rn FROM ("
                            + " SELECT endpoint, COUNT(*) AS requests"
                            + " FROM delta.`${lake}/silver/weblogs_requests`"
                            + " WHERE endpoint IS NOT NULL AND NOT is_file GROUP BY endpoint))"
                            + " WHERE rn <= 6",
                    "CREATE OR REPLACE TABLE delta.`${lake}/gold/weblogs_bytes_by_status_class`"
                            + " USING delta AS"
                            + " SELECT COALESCE(status_class, 'all') AS status_class,"
                            + " COUNT(*) AS requests, SUM(COALESCE(bytes, 0)) AS total_bytes,"
                            + " MAX(bytes) AS max_bytes, MIN(bytes) AS min_bytes,"
                            + " AVG(CAST(bytes AS DOUBLE)) AS avg_bytes"
                            + " FROM delta.`${lake}/silver/weblogs_requests`"
                            + " GROUP BY GROUPING SETS ((status_class), ())",
                    "CREATE OR REPLACE TABLE delta.`${lake}/gold/weblogs_client_errors_by_weekday`"
                            + " USING delta AS"
                            + " SELECT weekday, COUNT(*) AS client_errors"
                            + " FROM delta.`${lake}/silver/weblogs_requests`"
                            + " WHERE status_class = '4xx' GROUP BY weekday");
}
