package dev.kpisql.calcite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code jdbc:kpi:DIR}: CSV files as tables and the KPI functions over them, with DATE and
 * TIMESTAMP columns, in any case, and errors as SQLExceptions carrying the user's message.
 * Expected values are worked out by hand from the rows written here.
 */
final class KpiDriverTest
{
    @TempDir
    Path data;

    private void write(String file, String... lines)
            throws IOException
    {
        Files.write(data.resolve(file), List.of(lines));
    }

    private List<List<Object>> query(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void csvFilesAreTablesForTheKpiFunctions()
            throws Exception
    {
        write("survey.csv", "segment,score", "smb,9", "smb,10", "smb,3", "smb,", "enterprise,7", "enterprise,10");
        try (Connection connection = DriverManager.getConnection("jdbc:kpi:" + data)) {
            // smb: 2 promoters, 1 detractor of 3 answers (the blank is NULL and skipped); enterprise: 1 promoter of 2
            assertThat(query(connection, "SELECT segment, nps(score) AS nps FROM survey GROUP BY segment ORDER BY segment"))
                    .containsExactly(List.of("enterprise", 50.0), List.of("smb", 100.0 / 3));
            assertThat(query(connection, "SELECT NPS(SCORE) FROM SURVEY WHERE Segment = 'enterprise'"))
                    .containsExactly(List.of(50.0));
        }
    }

    @Test
    void resultColumnsKeepTheirCase()
            throws Exception
    {
        write("survey.csv", "score", "9");
        try (Connection connection = DriverManager.getConnection("jdbc:kpi:" + data);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT nps(score) AS nps, count(*) AS Responses FROM survey")) {
            assertThat(result.getMetaData().getColumnLabel(1)).isEqualTo("nps");
            assertThat(result.getMetaData().getColumnLabel(2)).isEqualTo("Responses");
        }
    }

    @Test
    void dateAndTimestampColumnsFeedTheFunctions()
            throws Exception
    {
        write("activity.csv", "user_id,activity_date", "u1,2025-03-01", "u2,2025-03-01", "u1,2025-03-02", "u1,2025-03-02");
        write("sessions.csv", "started,ended", "2025-03-01 10:00:00,2025-03-01 10:00:15", "2025-03-01 11:00:00,2025-03-01 11:00:20.5");
        try (Connection connection = DriverManager.getConnection("jdbc:kpi:" + data)) {
            // days 03-01 and 03-02: DAU 2 and 1, average 1.5; MAU 2 → 75 %
            assertThat(query(connection, "SELECT dau_mau(user_id, activity_date) FROM activity")).containsExactly(List.of(75.0));
            // (15 + 20.5) / 2
            assertThat(query(connection, "SELECT avg_session_duration(started, ended) FROM sessions")).containsExactly(List.of(17.75));
        }
    }

    @Test
    void functionErrorsAreSqlExceptionsWithTheCoreMessage()
            throws Exception
    {
        write("survey.csv", "score", "9", "11");
        try (Connection connection = DriverManager.getConnection("jdbc:kpi:" + data)) {
            assertThatThrownBy(() -> query(connection, "SELECT nps(score) FROM survey"))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("nps: score 11 is outside 0..10")
                    .matches(error -> ((SQLException) error).getSQLState().equals(KpiErrors.INVALID_ARGUMENT));
            assertThatThrownBy(() -> query(connection, "SELECT nps_category(score) FROM survey"))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("nps_category: score 11 is outside 0..10");
        }
    }

    @Test
    void badCsvValuesAreSqlExceptionsNamingFileLineAndColumn()
            throws Exception
    {
        write("survey.csv", "score", "9", "abc");
        List<String> lines = new ArrayList<>(List.of("score"));
        for (int i = 0; i < 10_001; i++) {
            lines.add("9");
        }
        lines.add("ten");
        Files.write(data.resolve("late.csv"), lines);
        try (Connection connection = DriverManager.getConnection("jdbc:kpi:" + data)) {
            // one of two values is not a number: the column is text, and Calcite's cast of it to a number fails
            assertThatThrownBy(() -> query(connection, "SELECT nps(score) FROM survey"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("abc");
            assertThatThrownBy(() -> query(connection, "SELECT nps(score) FROM late"))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("late.csv: line 10003, column 'score': 'ten' is not a BIGINT")
                    .matches(error -> ((SQLException) error).getSQLState().equals(KpiErrors.BAD_DATA));
        }
    }

    @Test
    void noDirectoryMeansFunctionsWithoutTables()
            throws Exception
    {
        try (Connection connection = DriverManager.getConnection("jdbc:kpi:")) {
            assertThat(query(connection, "SELECT churn_rate(200, 5)")).containsExactly(List.of(2.5));
        }
    }

    @Test
    void missingDirectoryIsAClearError()
    {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:kpi:" + data.resolve("nowhere")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void aModelFileAddsTablesAndFunctions()
            throws Exception
    {
        write("customers.csv", "mrr,churned", "10.0,false", "20.0,true", "30.0,false", "40.0,false");
        Path model = data.resolve("model.json");
        Files.writeString(model, """
                {
                  "version": "1.0",
                  "defaultSchema": "kpi",
                  "schemas": [{
                    "name": "kpi",
                    "type": "custom",
                    "factory": "dev.kpisql.calcite.KpiSchemaFactory",
                    "operand": {"directory": "%s"}
                  }]
                }
                """.formatted(data.toString().replace("\\", "\\\\")));
        Properties properties = new Properties();
        properties.setProperty("model", model.toString());
        try (Connection connection = DriverManager.getConnection("jdbc:calcite:", properties)) {
            // 1 churned of 4 customers; under Calcite's default lexical rules, quoted lower-case names
            assertThat(query(connection, "SELECT CHURN_RATE(\"churned\") FROM \"customers\"")).containsExactly(List.of(25.0));
        }
    }
}
