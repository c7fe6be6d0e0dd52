package dev.kpisql.trino;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one real Trino server of a failsafe run, shared by the test classes that take it as a
 * parameter ({@code @ExtendWith(RealTrinoServer.Resolver.class)}):
 * {@code ./kpi trino start --data sql-examples/data} on a free loopback port of 18300–18399, in a
 * directory of its own. It fetches the server, the connectors and the CLI from Maven Central on a
 * fresh machine and installs the zip that {@code package} just built; its catalogs are
 * {@code files} (the example CSV files), {@code tpch} and {@code memory}. It starts when the first
 * class asks for it and stops ({@code ./kpi trino stop}) when the run ends, whatever happened:
 * starting a server takes about 40 s of this machine's two cores, so the run starts one.
 */
final class RealTrinoServer
        implements AutoCloseable
{
    /** The scripts' output and the clients' standard error. */
    static final Path LOG = Path.of("target", "kpi-trino-it.log");

    private final Path root;
    private final Path dir;
    private final int port;

    private RealTrinoServer(Path root, Path dir, int port)
    {
        this.root = root;
        this.dir = dir;
        this.port = port;
    }

    /** Resolves a {@link RealTrinoServer} parameter to the run's one server, starting it the first time. */
    static final class Resolver
            implements ParameterResolver
    {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context)
        {
            return parameter.getParameter().getType() == RealTrinoServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
        {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(RealTrinoServer.class))
                    .getOrComputeIfAbsent(RealTrinoServer.class, key -> start(), RealTrinoServer.class);
        }
    }

    private static RealTrinoServer start()
    {
        Path root = Path.of(System.getProperty("kpi.root", "../..")).toAbsolutePath().normalize();
        RealTrinoServer server;
        try {
            server = new RealTrinoServer(root, Files.createTempDirectory("kpi-trino-it"), freePort());
        }
        catch (IOException e) {
            throw new ParameterResolutionException("no directory for the server", e);
        }
        try {
            server.kpi(900, "trino", "start", "--port", Integer.toString(server.port), "--dir", server.dir.toString(), "--heap", "2G", "--data", "sql-examples/data");
        }
        catch (Exception | Error e) {
            try {
                server.close();
            }
            catch (Exception stop) {
                e.addSuppressed(stop);
            }
            throw new ParameterResolutionException("./kpi trino start failed; see " + LOG.toAbsolutePath(), e);
        }
        return server;
    }

    @Override
    public void close()
            throws Exception
    {
        try {
            kpi(120, "trino", "stop", "--dir", dir.toString());
        }
        finally {
            deleteRecursively(dir);
        }
    }

    /** The repository's root. */
    Path root()
    {
        return root;
    }

    /** The server's directory ({@code data/var/log/server.log} is its log). */
    Path dir()
    {
        return dir;
    }

    int port()
    {
        return port;
    }

    /** A JDBC connection as user {@code kpi}, with {@code catalog} and {@code schema} as the defaults. */
    Connection connect(String catalog, String schema)
            throws SQLException
    {
        return DriverManager.getConnection("jdbc:trino://127.0.0.1:" + port + "/" + catalog + "/" + schema, "kpi", null);
    }

    /** Runs {@code ./kpi ARGUMENTS} in the root, its output appended to {@link #LOG}, and checks it succeeds. */
    void kpi(long timeoutSeconds, String... arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("kpi").toString());
        command.addAll(List.of(arguments));
        // the script's output goes to a file: a forked test JVM must not write to its own stdout
        Files.createDirectories(LOG.getParent());
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s; see " + LOG.toAbsolutePath());
        }
        assertThat(process.exitValue()).as("%s failed; its output: %s", String.join(" ", command), Files.readString(LOG)).isZero();
    }

    /** A free port of 18300–18399, the range this test's servers use. */
    private static int freePort()
    {
        for (int candidate = 18300; candidate < 18400; candidate++) {
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
            catch (IOException e) {
                // taken: the next one
            }
        }
        throw new IllegalStateException("no free port in 18300–18399");
    }

    private static void deleteRecursively(Path path)
            throws IOException
    {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
