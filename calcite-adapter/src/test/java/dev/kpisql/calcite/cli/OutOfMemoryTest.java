package dev.kpisql.calcite.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An input too large for the heap: the embedded engine reports a clear out-of-memory error for
 * that statement (SQLSTATE 53200, no stack trace), goes on with the next one, and does not hang.
 * It runs {@code kpi sql} in a JVM of its own with a 64 MB heap, over 3 million distinct
 * (user, day) pairs that an exact {@code dau_mau} has to keep.
 */
final class OutOfMemoryTest
{
    private static final int ROWS = 3_000_000;

    @Test
    void oversizedQueryFailsClearlyAndTheNextOneRuns(@TempDir Path data)
            throws IOException, InterruptedException
    {
        try (BufferedWriter out = Files.newBufferedWriter(data.resolve("visits.csv"), StandardCharsets.UTF_8)) {
            out.write("user_id,activity_date\n");
            LocalDate first = LocalDate.of(2025, 1, 1);
            for (int i = 0; i < ROWS; i++) {
                out.write(i + "," + first.plusDays(i % 28) + "\n");
            }
        }
        Path script = data.resolve("queries.sql");
        Files.writeString(script, "SELECT dau_mau(user_id, activity_date) FROM visits;\nSELECT count(*) AS visits FROM visits;\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), KpiCli.class.getName(),
                "sql", "--data", data.toString(), "-f", script.toString(), "--format", "csv"))
                .redirectOutput(data.resolve("stdout").toFile())
                .redirectError(data.resolve("stderr").toFile())
                .start();
        // a guard against hanging, not a measurement: the run takes seconds
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("kpi sql finished").isTrue();
        String stdout = Files.readString(data.resolve("stdout"));
        String stderr = Files.readString(data.resolve("stderr"));
        assertThat(process.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr).contains("error: statement 1 (line 1): out of memory: the query needs more than the ")
                .contains("MB of heap this engine may use")
                .doesNotContain("OutOfMemoryError")
                .doesNotContain("\tat ");
        assertThat(stdout).contains("visits\n" + ROWS + "\n");
    }
}
