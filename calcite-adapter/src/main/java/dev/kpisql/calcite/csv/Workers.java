package dev.kpisql.calcite.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The threads the embedded engine scans and aggregates on: daemon threads of one pool for the
 * whole JVM, started when needed and ended when idle, so that connections cost no thread until
 * they query and leave none behind. A query on {@code n} threads runs {@code n - 1} tasks here
 * and the last on the thread that asked.
 */
public final class Workers
{
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "kpi-worker-" + NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Workers() {}

    /**
     * Runs {@code work} for every worker number in {@code [0, threads)}, number 0 on the calling
     * thread, and returns when all have ended. A throwable that escapes a worker is thrown here,
     * the first one with the others suppressed, after every worker has ended.
     */
    public static void run(int threads, IntConsumer work)
    {
        List<Future<?>> others = new ArrayList<>();
        for (int worker = 1; worker < threads; worker++) {
            int number = worker;
            others.add(POOL.submit(() -> work.accept(number)));
        }
        Throwable failure = null;
        try {
            work.accept(0);
        }
        catch (Throwable e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> other : others) {
            while (true) {
                try {
                    other.get();
                    break;
                }
                catch (InterruptedException e) {
                    // the workers end on their own; wait for them, then keep the interrupt
                    interrupted = true;
                }
                catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    else if (failure != e.getCause()) {
                        failure.addSuppressed(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw sneaky(failure);
        }
    }

    /** Submits {@code task} to the pool. */
    static <T> Future<T> submit(java.util.concurrent.Callable<T> task)
    {
        return POOL.submit(task);
    }

    /** Rethrows any throwable as it is (Errors and RuntimeExceptions are all a worker throws). */
    static RuntimeException sneaky(Throwable failure)
    {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}
