package io.tributary.pipelines.sre;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.SqlResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The operational database the SRE batch mode reads: how to reach it from the {@code
 * tributary.sre.jdbc.*} settings, and the three source tables' DDL for MySQL/MariaDB and PostgreSQL
 * (what {@code tributary generate sre --jdbc-url} creates).
 */
@PublicEvolving
public final class SreDatabase {
    /** The source tables, in the order their DDL resources list them. */
    public static final String[] TABLES = {"esteira_prod", "log", "chamados"};

    /** {@code //user:password@} or {@code //user@} before the host. */
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*@");

    /** Query parameters drivers read credentials from (MySQL, MariaDB, PostgreSQL). */
    private static final Pattern CREDENTIAL_PARAMETER =
            Pattern.compile("(?i)(^|[&;])(user|username|password|pwd)=");

    /** Where the user and password are set, for messages. */
    private static final String CREDENTIALS =
            SreOptions.JDBC_USER.key()
                    + " and the password ("
                    + SreOptions.JDBC_PASSWORD_FILE.key()
                    + ", a mounted Secret, or the variable "
                    + SreOptions.JDBC_PASSWORD_ENV.defaultValue()
                    + ")";

    private final String url;
    private final String user;
    private final String password;

    /** Where the password came from ({@code file:<path>}, {@code env:<name>}); null when given. */
    private final String passwordSource;

    public SreDatabase(String url, String user, String password) {
        this(url, user, password, null);
    }

    private SreDatabase(String url, String user, String password, String passwordSource) {
        refuseCredentialsIn(url);
        this.url = url;
        this.user = user;
        this.password = password;
        this.passwordSource = password == null ? null : passwordSource;
    }

    /** The database of the settings; the password from the password file, else the variable. */
    public static SreDatabase fromConfig(ReadableConfig conf) {
        String url =
                conf.getOptional(SreOptions.JDBC_URL)
                        .filter(u -> !u.isBlank())
                        .orElseThrow(
                                () ->
                                        new ConfigurationError(
                                                SreOptions.JDBC_URL.key() + " is not set",
                                                "point it at the database holding esteira_prod, log and chamados, e.g. -D "
                                                        + SreOptions.JDBC_URL.key()
                                                        + "=jdbc:mysql://db:3306/sre"));
        String source = passwordSource(conf);
        return new SreDatabase(
                url,
                conf.getOptional(SreOptions.JDBC_USER).orElse(null),
                resolvePassword(source),
                source);
    }

    /** The password file, else the variable: {@code file:<path>} or {@code env:<name>}. */
    private static String passwordSource(ReadableConfig conf) {
        return conf.getOptional(SreOptions.JDBC_PASSWORD_FILE)
                .filter(f -> !f.isBlank())
                .map(f -> "file:" + f)
                .orElse("env:" + conf.get(SreOptions.JDBC_PASSWORD_ENV));
    }

    /**
     * The password a source names; null when the variable is not set. Read again wherever it is
     * needed (a TaskManager connecting), so that only its source travels in the job graph.
     */
    public static String resolvePassword(String source) {
        if (source.startsWith("env:")) {
            return System.getenv(source.substring("env:".length()));
        }
        String file = source.substring("file:".length());
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8)
                    .replaceAll("[\\r\\n]+$", "");
        } catch (IOException e) {
            throw new ConfigurationError(
                    "Cannot read the database password file " + file + ": " + e.getMessage(),
                    "check " + SreOptions.JDBC_PASSWORD_FILE.key() + " and the file's permissions");
        }
    }

    /**
     * Where the password comes from, for a reader that resolves it itself ({@code file:<path>},
     * {@code env:<name>}); empty when the password was given as a value, or there is none.
     */
    public Optional<String> passwordSource() {
        return Optional.ofNullable(passwordSource);
    }

    /**
     * The URL as Flink's JDBC dialects know it: MariaDB speaks MySQL's, through the MariaDB driver.
     */
    public String flinkUrl() {
        if (isMysql() && !url.contains("permitMysqlScheme")) {
            String mysql = url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
            return mysql + (mysql.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
    }

    /** The driver class Flink's JDBC connector should load for {@link #flinkUrl()}. */
    public String driver() {
        String driver = driverFor(url);
        if (driver == null) {
            throw new ConfigurationError(
                    "Unsupported JDBC URL " + redacted(),
                    "use jdbc:mysql://, jdbc:mariadb:// or jdbc:postgresql://");
        }
        return driver;
    }

    /** The driver class of a supported URL; null for any other. */
    public static String driverFor(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
            return "org.mariadb.jdbc.Driver";
        }
        return u.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : null;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * The URL without its query string and without user information: for lineage (the {@code
     * source} column analysts read), messages and logs.
     */
    public String redacted() {
        return redact(url);
    }

    static String redact(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        return USER_INFO.matcher(base).replaceFirst("//");
    }

    /**
     * A URL that carries credentials would put them in the job graph, the lake's lineage and every
     * message: the user and password have settings of their own (the password from a file).
     */
    static void refuseCredentialsIn(String url) {
        if (url == null) {
            return;
        }
        int q = url.indexOf('?');
        boolean inQuery = q >= 0 && CREDENTIAL_PARAMETER.matcher(url.substring(q + 1)).find();
        if (inQuery || USER_INFO.matcher(q < 0 ? url : url.substring(0, q)).find()) {
            throw new ConfigurationError(
                    "The JDBC URL "
                            + redact(url)
                            + " carries credentials (a user or password in it)",
                    "remove them from " + SreOptions.JDBC_URL.key() + "; set " + CREDENTIALS);
        }
    }

    public Connection connect() throws SQLException {
        driver();
        try {
            return DriverManager.getConnection(flinkUrl(), user, password);
        } catch (SQLException e) {
            throw new ConfigurationError(
                    "Cannot connect to " + redacted() + " as " + user + ": " + e.getMessage(),
                    "check " + SreOptions.JDBC_URL.key() + ", " + CREDENTIALS);
        }
    }

    /** Creates the three source tables where they do not exist yet. */
    public void createTables() throws SQLException {
        String timestamp = isMysql() ? "DATETIME(3)" : "TIMESTAMP(3)";
        try (Connection c = connect();
                var statement = c.createStatement()) {
            for (String table : TABLES) {
                statement.execute(
                        SqlResource.load(
                                SreDatabase.class,
                                "db/" + table + ".sql",
                                Map.of("timestamp", timestamp)));
            }
        }
    }

    private boolean isMysql() {
        return "org.mariadb.jdbc.Driver".equals(driverFor(url));
    }
}
