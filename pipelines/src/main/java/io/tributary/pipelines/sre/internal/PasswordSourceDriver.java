package io.tributary.pipelines.sre.internal;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.sre.SreDatabase;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.flink.annotation.Internal;

/**
 * A JDBC driver in front of the real one that reads the password when it connects, from the file or
 * variable its source names ({@code tributary-password:file:/path}, {@code
 * tributary-password:env:NAME}).
 *
 * <p>Flink's JDBC connector keeps its options, the password among them, in the job graph, which
 * Kubernetes HA writes to object storage and the REST API hands out. Named as the connector's
 * {@code driver}, with the source as its {@code password}, the job graph holds where the password
 * is — a file every pod of the pipeline mounts from a Secret — and never the password.
 */
@Internal
public final class PasswordSourceDriver implements Driver {
    static final String PREFIX = "tributary-password:";

    /** The connector's {@code password} option for a password read from {@code source}. */
    static String option(String source) {
        return PREFIX + source;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Driver real = real(url);
        if (real == null) {
            return null;
        }
        Properties resolved = new Properties();
        resolved.putAll(info);
        String password = info.getProperty("password");
        if (password != null && password.startsWith(PREFIX)) {
            try {
                String value = SreDatabase.resolvePassword(password.substring(PREFIX.length()));
                resolved.setProperty("password", value == null ? "" : value);
            } catch (ConfigurationError e) {
                throw new SQLException(e.getMessage() + " (" + e.fix() + ")", e);
            }
        }
        return real.connect(url, resolved);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        Driver real = real(url);
        return real != null && real.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Driver real = real(url);
        return real == null ? new DriverPropertyInfo[0] : real.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    /** The driver the URL's database needs; null for a URL the SRE pipeline does not read. */
    private static Driver real(String url) throws SQLException {
        String driver = url == null ? null : SreDatabase.driverFor(url);
        if (driver == null) {
            return null;
        }
        try {
            return (Driver)
                    Class.forName(driver, true, PasswordSourceDriver.class.getClassLoader())
                            .getDeclaredConstructor()
                            .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("Cannot load the JDBC driver " + driver, e);
        }
    }
}
