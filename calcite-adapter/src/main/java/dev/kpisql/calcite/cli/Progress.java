package dev.kpisql.calcite.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows on stderr that a long statement is still running: after one second, a line
 * {@code running… 3.5 s} rewritten in place twice a second, erased when the statement ends.
 * Only when stderr is a terminal (the {@code kpi} script tells with {@code -Dkpi.progress=true}),
 * so that redirected output stays clean.
 */
final class Progress
        implements AutoCloseable
{
    private static final long DELAY_MILLIS = 1000;

    private final PrintStream err;
    private final Thread ticker;
    private volatile boolean shown;
    private boolean closed;

    private Progress(PrintStream err, String label)
    {
        this.err = err;
        long start = System.nanoTime();
        ticker = new Thread(() -> {
            try {
                Thread.sleep(DELAY_MILLIS);
                while (!Thread.currentThread().isInterrupted()) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    synchronized (err) {
                        err.print(String.format(Locale.ROOT, "\r%s… %.1f s ", label, seconds));
                        err.flush();
                    }
                    shown = true;
                    Thread.sleep(500);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kpi-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** A progress line for {@code label}, or nothing when progress is off. */
    static AutoCloseable start(PrintStream err, String label, boolean enabled)
    {
        return enabled ? new Progress(err, label) : () -> { };
    }

    static boolean enabledByDefault()
    {
        return Boolean.getBoolean("kpi.progress");
    }

    /** Stops and erases the line; again, it does nothing. */
    @Override
    public synchronized void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        ticker.interrupt();
        try {
            ticker.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown) {
            synchronized (err) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}
