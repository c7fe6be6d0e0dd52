package dev.kpisql.calcite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver of the embedded engine: {@code jdbc:kpi:DIR} is a connection in which every
 * CSV file of DIR is a table and every KPI function is available; {@code jdbc:kpi:} has the
 * functions and no tables. Registered through {@code java.sql.Driver}, so
 * {@code DriverManager.getConnection("jdbc:kpi:sql-examples/data")} is all a JVM program,
 * a notebook or a BI tool needs. Properties are passed on to Calcite
 * (e.g. {@code conformance}); {@link KpiEngine#connect} documents the defaults.
 */
public final class KpiDriver
        implements Driver
{
    public static final String PREFIX = "jdbc:kpi:";
    /** What {@code DatabaseMetaData.getDriverName} answers. */
    public static final String NAME = "kpi-sql JDBC driver";

    static {
        try {
            DriverManager.registerDriver(new KpiDriver());
        }
        catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info)
            throws SQLException
    {
        if (!acceptsURL(url)) {
            return null;
        }
        String directory = url.substring(PREFIX.length());
        return KpiEngine.connect(directory.isEmpty() ? null : Path.of(directory), info == null ? new Properties() : info);
    }

    @Override
    public boolean acceptsURL(String url)
    {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info)
    {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion()
    {
        return majorVersion();
    }

    @Override
    public int getMinorVersion()
    {
        return minorVersion();
    }

    /** The first number of kpi-sql's version, {@code 0} of {@code 0.2.0}. */
    static int majorVersion()
    {
        return versionPart(0);
    }

    /** The second number of kpi-sql's version, {@code 2} of {@code 0.2.0}. */
    static int minorVersion()
    {
        return versionPart(1);
    }

    private static int versionPart(int index)
    {
        String[] parts = KpiMetadata.VERSION.split("[.-]");
        try {
            return parts.length > index ? Integer.parseInt(parts[index]) : 0;
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public boolean jdbcCompliant()
    {
        return false;
    }

    @Override
    public Logger getParentLogger()
            throws SQLFeatureNotSupportedException
    {
        throw new SQLFeatureNotSupportedException("kpi-sql logs nothing through java.util.logging");
    }
}
