package dev.kpisql.calcite.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code kpi sql} and {@code kpi demo} commands: output formats, messages and exit codes. */
final class KpiCliTest
{
    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeData()
            throws IOException
    {
        // a: 9, 10, 3 → (2 - 1) / 3 = 33.33… ; b: 10, NULL → 100
        Files.write(data.resolve("survey.csv"), List.of("team,score,comment", "a,9,\"fine, really\"", "a,10,", "a,3,\"said \"\"no\"\"\"", "b,10,", "b,,"));
    }

    private int run(String... args)
    {
        return new KpiCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false).run(args);
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final String QUERY = "SELECT team, nps(score) AS nps, min(comment) AS note FROM survey GROUP BY team ORDER BY team";

    @Test
    void csvHasAHeaderEveryDigitAndEmptyNulls()
    {
        assertThat(run("sql", "--data", data.toString(), "-e", QUERY, "--format", "csv")).isEqualTo(0);
        assertThat(out()).isEqualTo("""
                team,nps,note
                a,33.333333333333336,"fine, really"
                b,100.0,
                """);
        assertThat(err()).isEmpty();
    }

    /**
     * A ROW shows its fields by name: team a has 2 of 3 promoters, team b 1 of 1 (a NULL score is
     * skipped); Wilson bounds as in the catalog's examples (20.765960080204774, 93.85080552796038)
     * and 1 / (1 + 1.959963984540054²) = 0.20654931437723747.
     */
    @Test
    void rowsShowTheirFieldsByNameInEveryFormat()
    {
        String query = "SELECT team, rate_interval(score >= 9) AS promoters FROM survey GROUP BY team ORDER BY team";
        assertThat(run("sql", "--data", data.toString(), "-e", query, "--format", "json")).isEqualTo(0);
        // every digit, the last one or two as the arithmetic gives them
        assertThat(out()).matches("""
                \\[\\{"team":"a","promoters":\\{"rate":66\\.6666666666666\\d+,"lower":20\\.7659600802047\\d+,"upper":93\\.8508055279603\\d*}}
                ,\\{"team":"b","promoters":\\{"rate":100\\.0,"lower":20\\.65493143772374\\d*,"upper":100\\.0}}
                ]
                """);
        out.reset();
        assertThat(run("sql", "--data", data.toString(), "-e", query)).isEqualTo(0);
        assertThat(out()).contains("| a    | {rate: 66.666667, lower: 20.76596, upper: 93.850806} |", "| b    | {rate: 100, lower: 20.654931, upper: 100}            |");
        out.reset();
        assertThat(run("sql", "--data", data.toString(), "-e", query, "--format", "csv")).isEqualTo(0);
        assertThat(out()).startsWith("team,promoters\na,\"{\"\"rate\"\":66.6666666666666").contains("\"\"lower\"\":20.7659600802047", "\"\"upper\"\":93.850805527960");
        out.reset();
        // a field read from the row is a plain column
        assertThat(run("sql", "--data", data.toString(), "-e", "SELECT (rate_interval(score >= 9)).upper AS upper FROM survey WHERE team = 'b'", "--format", "csv")).isEqualTo(0);
        assertThat(out()).isEqualTo("upper\n100.0\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void jsonIsAnArrayOfObjects()
    {
        assertThat(run("sql", "--data", data.toString(), "-e", QUERY, "--format=json")).isEqualTo(0);
        assertThat(out()).isEqualTo("""
                [{"team":"a","nps":33.333333333333336,"note":"fine, really"}
                ,{"team":"b","nps":100.0,"note":null}
                ]
                """);
    }

    @Test
    void tableIsTheDefaultAndRoundsForReading()
    {
        assertThat(run("sql", "--data", data.toString(), "-e", QUERY)).isEqualTo(0);
        assertThat(out()).isEqualTo("""
                +------+-----------+--------------+
                | team | nps       | note         |
                +------+-----------+--------------+
                | a    | 33.333333 | fine, really |
                | b    |       100 | NULL         |
                +------+-----------+--------------+
                (2 rows)
                """);
    }

    @Test
    void markdownIsAPipeTable()
    {
        assertThat(run("sql", "--data", data.toString(), "-e", QUERY, "--format", "markdown")).isEqualTo(0);
        assertThat(out()).isEqualTo("""
                | team | nps       | note         |
                | ---- | --------: | ------------ |
                | a    | 33.333333 | fine, really |
                | b    |       100 | NULL         |
                """);
    }

    /** retention's ARRAY(INTEGER) answer, and a NULL array for a group whose rows were all skipped. */
    private static final String ARRAYS = "SELECT team, retention(ARRAY[score >= 9, score = 10, score < 5]) AS r FROM survey GROUP BY team"
            + " UNION ALL SELECT 'c', retention(CASE WHEN FALSE THEN ARRAY[TRUE] END) ORDER BY team";

    @Test
    void everyFormatRendersAnArray()
    {
        assertThat(run("sql", "--data", data.toString(), "-e", ARRAYS, "--format", "json")).isEqualTo(0);
        assertThat(out()).isEqualTo("""
                [{"team":"a","r":[1,1,1]}
                ,{"team":"b","r":[1,1,0]}
                ,{"team":"c","r":null}
                ]
                """);
        out.reset();
        assertThat(run("sql", "--data", data.toString(), "-e", ARRAYS, "--format", "csv")).isEqualTo(0);
        assertThat(out()).isEqualTo("""
                team,r
                a,"[1,1,1]"
                b,"[1,1,0]"
                c,
                """);
        out.reset();
        assertThat(run("sql", "--data", data.toString(), "-e", ARRAYS)).isEqualTo(0);
        assertThat(out()).contains("| a    | [1, 1, 1] |").contains("| c    | NULL      |");
        out.reset();
        assertThat(run("sql", "--data", data.toString(), "-e", ARRAYS, "--format", "markdown")).isEqualTo(0);
        assertThat(out()).contains("| b    | [1, 1, 0] |");
        assertThat(err()).isEmpty();
    }

    @Test
    void showFunctionsListsTheKpiFunctions()
    {
        assertThat(run("sql", "-e", "SHOW FUNCTIONS LIKE 'cart%'", "--format", "csv")).isEqualTo(0);
        assertThat(out()).isEqualTo("""
                Function,Return Type,Argument Types,Function Type,Deterministic,Description
                cart_abandonment_rate,double,boolean,aggregate,true,Returns the cart abandonment rate: the percentage of carts that were not bought
                """);
    }

    /** The shell's sqlline, with the options {@code kpi shell} gives it, reading statements from its input. */
    @Test
    void theShellAnswersShowFunctions()
            throws IOException
    {
        sqlline.SqlLine shell = new sqlline.SqlLine();
        shell.setOutputStream(new PrintStream(out, true, StandardCharsets.UTF_8));
        shell.setErrorStream(new PrintStream(err, true, StandardCharsets.UTF_8));
        String input = "SHOW FUNCTIONS LIKE 'romi';\nSELECT nps(score) FROM survey;\n!quit\n";
        sqlline.SqlLine.Status status = shell.begin(new String[] {
                "-d", dev.kpisql.calcite.KpiDriver.class.getName(), "-u", "jdbc:kpi:" + data.toAbsolutePath(), "-n", "", "-p", "",
                "--showHeader=true", "--incremental=false", "--outputformat=csv"},
                new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), false);

        assertThat(status).isEqualTo(sqlline.SqlLine.Status.OK);
        assertThat(out()).contains("'Function','Return Type','Argument Types','Function Type','Deterministic','Description'")
                .contains("'romi','double','double, double','aggregate','true','Returns the return on marketing investment")
                .contains("'_col0'", "'50.0'");
    }

    @Test
    void anUnnamedColumnIsLabelledAsInTrino()
    {
        assertThat(run("sql", "--data", data.toString(), "-e", "SELECT nps(score) FROM survey", "--format", "csv")).isEqualTo(0);
        // 9, 10, 3, 10 and a NULL: 100 × (3 promoters − 1 detractor) / 4 answers
        assertThat(out()).isEqualTo("""
                _col0
                50.0
                """);
    }

    @Test
    void anErrorIsOneLineOnStderrAndExitCodeOne()
    {
        assertThat(run("sql", "--data", data.toString(), "-e", "SELECT nps(score + 10) FROM survey")).isEqualTo(1);
        assertThat(err()).isEqualTo("error: nps: score 19 is outside 0..10\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void aFileRunsEveryStatementEvenAfterAFailure()
            throws IOException
    {
        Path file = data.resolve("queries.sql");
        Files.writeString(file, """
                -- first; a comment with a semicolon
                SELECT count(*) AS n FROM survey;

                SELECT nps(score) FROM nowhere;
                SELECT ';' AS semicolon, nps(score) AS nps FROM survey WHERE team = 'b';
                """);
        assertThat(run("sql", "--data", data.toString(), "-f", file.toString(), "--format", "csv")).isEqualTo(1);
        assertThat(out()).isEqualTo("""
                n
                5


                semicolon,nps
                ;,100.0
                """);
        assertThat(err()).startsWith("error: statement 2 (line 4): ").contains("nowhere").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitWithTwo()
    {
        assertThat(run("sql", "--data", data.toString())).isEqualTo(2);
        assertThat(err()).contains("either -e \"SQL\" or -f FILE.sql");
        assertThat(run("sql", "--data", data.resolve("missing").toString(), "-e", "SELECT 1")).isEqualTo(2);
        assertThat(run("sql", "-e", "SELECT 1", "--format", "xml")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void demoPrintsQuestionQueryAndAnswerOfEveryExample()
            throws IOException
    {
        Path examples = Files.createDirectory(data.resolve("examples"));
        Path exampleData = Files.createDirectory(examples.resolve("data"));
        Files.copy(data.resolve("survey.csv"), exampleData.resolve("survey.csv"));
        Files.writeString(examples.resolve("nps_by_team.sql"), """
                -- Question: Which team do customers recommend?
                SELECT team, nps(score) AS nps FROM survey GROUP BY team ORDER BY team
                """);
        Files.writeString(examples.resolve("nps_by_team.plain.sql"), "SELECT 'not run' AS x");
        assertThat(run("demo", "--examples", examples.toString())).isEqualTo(0);
        assertThat(out())
                .contains("nps_by_team")
                .contains("Question: Which team do customers recommend?")
                .contains("    SELECT team, nps(score) AS nps FROM survey GROUP BY team ORDER BY team")
                .contains("| a    | 33.333333 |")
                .doesNotContain("not run")
                .contains("1 examples, 1 answered");
    }
}
