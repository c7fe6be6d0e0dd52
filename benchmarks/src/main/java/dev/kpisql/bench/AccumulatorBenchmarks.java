package dev.kpisql.bench;

import dev.kpisql.udfs.distinct.ApproxDauMauAccumulator;
import dev.kpisql.udfs.distinct.DistinctAccumulator;
import dev.kpisql.udfs.experiment.ProportionTestAccumulator;
import dev.kpisql.udfs.experiment.WelchTestAccumulator;
import dev.kpisql.udfs.ratio.CountIfAccumulator;
import dev.kpisql.udfs.retention.RetentionFunctions;
import dev.kpisql.udfs.revenue.MoneySumAccumulator;
import dev.kpisql.udfs.revenue.RevenueFunctions;
import dev.kpisql.udfs.survey.NpsAccumulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Rows per second per core for the core accumulators' {@code add}, and the cost of a
 * {@code merge}: one invocation folds {@value #ROWS} rows (scores 0..10, amounts, booleans,
 * user ids with a skew: a few heavy users, a long tail, over 365 days).
 * Run: {@code ./kpi bench core}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccumulatorBenchmarks
{
    static final int ROWS = 1 << 20;
    private static final byte[] CONTROL = "control".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TREATMENT = "treatment".getBytes(StandardCharsets.UTF_8);

    private long[] scores;
    private double[] amounts;
    private boolean[] flags;
    private long[] users;
    private int[] days;
    private byte[][] arms;
    private DistinctAccumulator dauMauHalf;
    private DistinctAccumulator dauMauOtherHalf;
    private NpsAccumulator npsHalf;

    @Setup
    public void generate()
    {
        Random random = new Random(42);
        scores = new long[ROWS];
        amounts = new double[ROWS];
        flags = new boolean[ROWS];
        users = new long[ROWS];
        days = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            scores[i] = random.nextInt(11);
            amounts[i] = random.nextInt(100_000) / 100.0;
            flags[i] = random.nextInt(20) == 0;
            // skew: half the rows from 1,000 heavy users, the rest from 200,000
            users[i] = random.nextBoolean() ? random.nextInt(1_000) : random.nextInt(200_000);
            days[i] = 20_000 + random.nextInt(365);
        }
        // the experiment arms in runs of 1,000 rows, as the Trino benchmark's (h / 1000) % 2
        arms = new byte[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            arms[i] = ((i / 1_000) % 2 == 0 ? CONTROL : TREATMENT).clone();
        }
        dauMauHalf = new DistinctAccumulator(DistinctAccumulator.Kpi.DAU_MAU);
        dauMauOtherHalf = new DistinctAccumulator(DistinctAccumulator.Kpi.DAU_MAU);
        npsHalf = new NpsAccumulator();
        for (int i = 0; i < ROWS; i++) {
            (i % 2 == 0 ? dauMauHalf : dauMauOtherHalf).addActivity(users[i], days[i]);
            npsHalf.add(scores[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Double nps()
    {
        NpsAccumulator state = new NpsAccumulator();
        for (long score : scores) {
            state.add(score);
        }
        return state.result();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Double churnRate()
    {
        CountIfAccumulator state = new CountIfAccumulator(RetentionFunctions.CHURN_RATE_OF_CUSTOMERS);
        for (boolean flag : flags) {
            state.add(flag);
        }
        return state.result();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object mrr()
    {
        MoneySumAccumulator state = new MoneySumAccumulator(RevenueFunctions.MRR);
        for (double amount : amounts) {
            state.add(amount);
        }
        return state.result();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Double arpuByUser()
    {
        DistinctAccumulator state = new DistinctAccumulator(DistinctAccumulator.Kpi.ARPU_BY_USER);
        for (int i = 0; i < ROWS; i++) {
            state.addRevenue(amounts[i], users[i]);
        }
        return state.result();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Double dauMau()
    {
        DistinctAccumulator state = new DistinctAccumulator(DistinctAccumulator.Kpi.DAU_MAU);
        for (int i = 0; i < ROWS; i++) {
            state.addActivity(users[i], days[i]);
        }
        return state.result();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Double approxDauMau()
    {
        ApproxDauMauAccumulator state = new ApproxDauMauAccumulator();
        for (int i = 0; i < ROWS; i++) {
            state.add(users[i], days[i]);
        }
        return state.result();
    }

    /** One merge of two half-million-row NPS states: constant cost. */
    @Benchmark
    public Double npsMerge()
    {
        NpsAccumulator state = new NpsAccumulator();
        state.merge(npsHalf);
        state.merge(npsHalf);
        return state.result();
    }

    /** One merge of two DAU/MAU states of half the rows each: proportional to their distinct pairs. */
    @Benchmark
    public Double dauMauMerge()
    {
        DistinctAccumulator state = new DistinctAccumulator(DistinctAccumulator.Kpi.DAU_MAU);
        state.merge(dauMauHalf);
        state.merge(dauMauOtherHalf);
        return state.result();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Map<String, Object> twoProportionZTest()
    {
        ProportionTestAccumulator state = new ProportionTestAccumulator();
        for (int i = 0; i < ROWS; i++) {
            state.add(flags[i], arms[i], 0, arms[i].length, CONTROL, 0, CONTROL.length);
        }
        return state.result();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Map<String, Object> welchTTest()
    {
        WelchTestAccumulator state = new WelchTestAccumulator();
        for (int i = 0; i < ROWS; i++) {
            state.add(amounts[i], arms[i], 0, arms[i].length, CONTROL, 0, CONTROL.length);
        }
        return state.result();
    }
}
