package dev.kpisql.calcite.cli;

import dev.kpisql.calcite.KpiEngine;
import dev.kpisql.calcite.KpiErrors;
import dev.kpisql.calcite.examples.SqlExample;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Hook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code kpi} command line of the embedded engine.
 *
 * <pre>
 * kpi sql   [--data DIR] (-e SQL | -f FILE.sql) [--format table|csv|json|markdown]
 * kpi shell [--data DIR]
 * kpi demo  [--examples DIR]
 * </pre>
 *
 * Exit codes: 0 when every statement succeeded, 1 when one failed (its message, without a stack
 * trace, is on stderr; with {@code -f} the remaining statements still run), 2 for a command line
 * it cannot run.
 */
public final class KpiCli
{
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;

    public KpiCli(PrintStream out, PrintStream err, boolean progress)
    {
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    public static void main(String[] args)
    {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        int status = new KpiCli(out, System.err, Progress.enabledByDefault()).run(args);
        out.flush();
        System.exit(status);
    }

    public int run(String... args)
    {
        try {
            if (args.length == 0) {
                throw new UsageException("a command is missing: sql, shell or demo");
            }
            List<String> rest = List.of(args).subList(1, args.length);
            return switch (args[0]) {
                case "sql" -> sql(Options.parse(rest, true));
                case "shell" -> shell(Options.parse(rest, false));
                case "demo" -> demo(Options.parse(rest, false));
                default -> throw new UsageException("unknown command '" + args[0] + "': use sql, shell or demo");
            };
        }
        catch (UsageException e) {
            err.println("kpi: " + e.getMessage());
            err.println("usage: kpi sql [--data DIR] (-e SQL | -f FILE.sql) [--format table|csv|json|markdown]");
            err.println("       kpi shell [--data DIR]");
            err.println("       kpi demo [--examples DIR]");
            return USAGE;
        }
    }

    private int sql(Options options)
    {
        List<SqlScript.Statement> statements;
        if (options.execute != null) {
            statements = SqlScript.split(options.execute);
        }
        else {
            try {
                statements = SqlScript.split(Files.readString(options.file, StandardCharsets.UTF_8));
            }
            catch (IOException e) {
                err.println("kpi: cannot read " + options.file + ": " + e.getMessage());
                return FAILED;
            }
        }
        if (statements.isEmpty()) {
            throw new UsageException("no SQL statement to run");
        }
        try (Connection connection = KpiEngine.connect(options.data)) {
            int status = OK;
            for (int i = 0; i < statements.size(); i++) {
                SqlScript.Statement statement = statements.get(i);
                if (i > 0) {
                    out.println();
                }
                String where = statements.size() == 1 ? "" : "statement " + (i + 1) + " (line " + statement.line() + "): ";
                if (!run(connection, statement.sql(), options.format, where)) {
                    status = FAILED;
                }
            }
            return status;
        }
        catch (SQLException e) {
            err.println("error: " + KpiErrors.userMessage(e));
            return FAILED;
        }
    }

    /** Runs one statement and prints its result; false (and the message on stderr) when it fails. */
    private boolean run(Connection connection, String sql, ResultFormat format, String where)
    {
        try (Statement statement = connection.createStatement()) {
            boolean hasResult;
            try (AutoCloseable running = Progress.start(err, "running", progress)) {
                // the validated row type names the fields of ROW columns, which JDBC's metadata does not
                AtomicReference<RelDataType> rowType = new AtomicReference<>();
                try (Hook.Closeable hook = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((RelRoot root) -> rowType.set(root.validatedRowType))) {
                    hasResult = statement.execute(sql);
                }
                if (hasResult) {
                    try (ResultSet result = statement.getResultSet()) {
                        // the progress line goes before the answer's first character, on the same terminal
                        PrintStream answer = new PrintStream(new java.io.FilterOutputStream(out)
                        {
                            private boolean started;

                            @Override
                            public void write(byte[] bytes, int offset, int length)
                                    throws IOException
                            {
                                start();
                                out.write(bytes, offset, length);
                            }

                            @Override
                            public void write(int b)
                                    throws IOException
                            {
                                start();
                                out.write(b);
                            }

                            private void start()
                                    throws IOException
                            {
                                if (!started) {
                                    started = true;
                                    try {
                                        running.close();
                                    }
                                    catch (Exception e) {
                                        throw new IOException(e);
                                    }
                                }
                            }
                        }, false, StandardCharsets.UTF_8);
                        format.print(result, answer, rowType.get());
                        answer.flush();
                    }
                }
            }
            if (!hasResult) {
                out.println("(" + statement.getUpdateCount() + " rows affected)");
            }
            out.flush();
            return true;
        }
        catch (Exception e) {
            out.flush();
            err.println("error: " + where + KpiErrors.userMessage(e));
            return false;
        }
    }

    private int shell(Options options)
    {
        String url = "jdbc:kpi:" + (options.data == null ? "" : options.data.toAbsolutePath());
        try {
            sqlline.SqlLine.Status status = new sqlline.SqlLine().begin(new String[] {
                    "-d", dev.kpisql.calcite.KpiDriver.class.getName(), "-u", url, "-n", "", "-p", "",
                    "--showHeader=true", "--incremental=false", "--maxWidth=200", "--showElapsedTime=true"}, null, true);
            return status == sqlline.SqlLine.Status.OK ? OK : FAILED;
        }
        catch (IOException e) {
            err.println("kpi: " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * Runs every example of {@code sql-examples/} (not the {@code .plain.sql} versions) over its
     * data and prints the question, the query and the answer of each.
     */
    private int demo(Options options)
    {
        Path examples = options.examples != null ? options.examples : Path.of("sql-examples");
        Path data = options.data != null ? options.data : examples.resolve("data");
        List<SqlExample> all;
        try {
            all = SqlExample.load(examples);
        }
        catch (UncheckedIOException e) {
            err.println("kpi: " + e.getMessage() + ": " + e.getCause().getMessage());
            return FAILED;
        }
        if (all.isEmpty()) {
            err.println("kpi: no examples (*.sql) in " + examples);
            return FAILED;
        }
        int failed = 0;
        try (Connection connection = KpiEngine.connect(data)) {
            for (SqlExample example : all) {
                out.println("━━ " + example.name() + " " + "━".repeat(Math.max(3, 66 - example.name().length())));
                example.question().forEach(line -> out.println("  " + line));
                out.println();
                example.sql().lines().forEach(line -> out.println("    " + line));
                out.println();
                if (!run(connection, example.sql(), ResultFormat.TABLE, example.name() + ": ")) {
                    failed++;
                }
                out.println();
            }
        }
        catch (SQLException e) {
            err.println("error: " + KpiErrors.userMessage(e));
            return FAILED;
        }
        out.println(all.size() + " examples, " + (all.size() - failed) + " answered" + (failed == 0 ? "" : ", " + failed + " failed")
                + ". Try your own: ./kpi sql --data " + data + " -e \"SELECT ...\"");
        return failed == 0 ? OK : FAILED;
    }

    /** The options every command shares; each command rejects those it does not take. */
    private static final class Options
    {
        Path data;
        Path examples;
        String execute;
        Path file;
        ResultFormat format = ResultFormat.TABLE;

        static Options parse(List<String> args, boolean sql)
        {
            Options options = new Options();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                }
                else if (i + 1 < args.size()) {
                    value = args.get(++i);
                }
                else {
                    throw new UsageException(arg + " needs a value");
                }
                switch (name) {
                    case "--data", "-d" -> options.data = directory(value);
                    case "--examples" -> options.examples = directory(value);
                    case "-e", "--execute" -> options.execute = sqlOnly(sql, name, value);
                    case "-f", "--file" -> options.file = Path.of(sqlOnly(sql, name, value));
                    case "--format" -> options.format = ResultFormat.parse(sqlOnly(sql, name, value));
                    default -> throw new UsageException("unknown option '" + arg + "'");
                }
            }
            if (sql && (options.execute == null) == (options.file == null)) {
                throw new UsageException("give the SQL with either -e \"SQL\" or -f FILE.sql");
            }
            return options;
        }

        private static String sqlOnly(boolean sql, String name, String value)
        {
            if (!sql) {
                throw new UsageException(name + " belongs to 'kpi sql'");
            }
            return value;
        }

        private static Path directory(String value)
        {
            Path path = Path.of(value);
            if (!Files.isDirectory(path)) {
                throw new UsageException("not a directory: " + value);
            }
            return path;
        }
    }
}
