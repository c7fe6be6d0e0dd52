package dev.kpisql.calcite;

import dev.kpisql.calcite.csv.CsvOptions;
import dev.kpisql.calcite.csv.CsvSchema;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections of the embedded engine: Calcite with the KPI functions and, optionally, a
 * directory of CSV files as the default schema {@code data}.
 *
 * <p>Names of tables, columns and functions are case-insensitive and keep the case they are
 * written in ({@code caseSensitive=false}, {@code unquotedCasing=UNCHANGED}), so
 * {@code SELECT nps(score) AS nps FROM survey} answers a column labelled {@code nps}. SQL is read
 * by Calcite's lenient Babel parser, so that columns named {@code month}, {@code day} or
 * {@code value}, common in analysts' files, need no quotes. As in standard SQL, a {@code CASE} over
 * string literals of different lengths is a blank-padded CHAR; {@code TRIM} it to compare it with
 * text. A caller's properties override these defaults. The properties of {@link CsvOptions}
 * ({@code kpi.threads}, {@code kpi.pushdown}, {@code kpi.cache}) set how the CSV tables are read
 * and aggregated; they are not passed on to Calcite.
 */
public final class KpiEngine
{
    /** The schema that holds the tables of the data directory. */
    public static final String DATA_SCHEMA = "data";

    private KpiEngine() {}

    public static Connection connect(Path dataDirectory)
            throws SQLException
    {
        return connect(dataDirectory, new Properties());
    }

    public static Connection connect(Path dataDirectory, Properties properties)
            throws SQLException
    {
        Properties settings = new Properties();
        settings.setProperty("caseSensitive", "false");
        settings.setProperty("unquotedCasing", "UNCHANGED");
        settings.setProperty("quotedCasing", "UNCHANGED");
        settings.setProperty("parserFactory", "org.apache.calcite.sql.parser.babel.SqlBabelParserImpl#FACTORY");
        properties.forEach((key, value) -> {
            if (!CsvOptions.isSetting(key.toString())) {
                settings.put(key, value);
            }
        });
        Connection connection = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", settings);
        try {
            CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
            SchemaPlus root = KpiFunctions.register(calcite.getRootSchema());
            if (dataDirectory != null) {
                root.add(DATA_SCHEMA, new CsvSchema(dataDirectory, CsvOptions.from(properties)));
                calcite.setSchema(DATA_SCHEMA);
            }
            return KpiErrors.translating(KpiMetadata.describing(connection));
        }
        catch (RuntimeException | SQLException e) {
            connection.close();
            throw KpiErrors.toSqlException(e);
        }
    }
}
