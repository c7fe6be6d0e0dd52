package dev.kpisql.udfs.distinct;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Sums;
import dev.kpisql.udfs.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

import static java.util.Objects.requireNonNull;

/**
 * The exact KPIs over distinct ids, which cannot live in primitive engine states: each keeps
 * one or two {@link IdSet}s and a few numbers. Not thread-safe.
 *
 * <ul>
 * <li>{@code arpu(revenue, user_id)}: Σrevenue / #distinct users;</li>
 * <li>{@code arppu(revenue, user_id)}: Σrevenue / #distinct users with a row of revenue &gt; 0;</li>
 * <li>{@code sessions_per_user(session_id, user_id)}: #distinct sessions / #distinct users;</li>
 * <li>{@code pages_per_session(session_id)}: #rows / #distinct sessions;</li>
 * <li>{@code feature_adoption_rate(user_id, used_feature)}: 100 × #distinct users with a TRUE / #distinct users;</li>
 * <li>{@code dau_mau(user_id, activity_date)}: 100 × #distinct (user, day) / (days × #distinct users), days
 * counted from the group's first to its last activity date, inclusive.</li>
 * </ul>
 *
 * Ids are BIGINT or VARCHAR (UTF-8 bytes); one group sees one kind. The binary form
 * ({@link #serialize}) starts with a version byte, checked on read.
 */
public final class DistinctAccumulator
        implements KpiAccumulator
{
    public static final byte VERSION = 1;

    public enum Kpi
    {
        ARPU_BY_USER("arpu"),
        ARPPU("arppu"),
        SESSIONS_PER_USER("sessions_per_user"),
        PAGES_PER_SESSION("pages_per_session"),
        FEATURE_ADOPTION_RATE("feature_adoption_rate"),
        DAU_MAU("dau_mau");

        private final String function;

        Kpi(String function)
        {
            this.function = function;
        }

        public String function()
        {
            return function;
        }
    }

    private static final int INSTANCE_SIZE = 96;
    /**
     * Once a group's sets hold this many ids, their tables are larger than the CPU caches and
     * every new row costs a cache miss per set; BIGINT rows then wait in a batch of {@link #BATCH},
     * which {@link IdSet#addBatch} looks up with the misses overlapping.
     */
    private static final int BATCH_FROM = 1 << 16;
    private static final int BATCH = 256;

    private final Kpi kpi;
    private long rows;
    private double sum;
    private double sumError;
    private int firstDay = Integer.MAX_VALUE;
    private int lastDay = Integer.MIN_VALUE;
    /** Users (sessions for the session KPIs). */
    private IdSet first = new IdSet();
    /** Users of sessions_per_user; adopters of feature_adoption_rate. */
    private IdSet second = new IdSet();
    /** dau_mau: (user ordinal in {@code first}, day) packed in one long. */
    private IdSet pairs = new IdSet();
    /** BIGINT rows not yet in the sets (see {@link #BATCH_FROM}). */
    private Batch pending;
    /** Where the ids go instead of this state's sets, or null (see {@link #DistinctAccumulator(Kpi, PartitionedIdSets.Writer)}). */
    private final PartitionedIdSets.Writer shared;

    public DistinctAccumulator(Kpi kpi)
    {
        this.kpi = requireNonNull(kpi, "kpi");
        this.shared = null;
    }

    /**
     * A state whose BIGINT ids go to sets shared with other threads' states through
     * {@code shared}: it keeps only the numbers (rows, revenue, days), and the answer of all the
     * states together is {@link #resultOfShared}'s. VARCHAR ids have no place there and fail it.
     */
    public DistinctAccumulator(Kpi kpi, PartitionedIdSets.Writer shared)
    {
        this.kpi = requireNonNull(kpi, "kpi");
        this.shared = requireNonNull(shared, "shared");
        // every BIGINT row goes through the batch, which flush() hands to the writer
        this.pending = new Batch();
    }

    public Kpi kpi()
    {
        return kpi;
    }

    // ---- arpu(revenue, user_id), arppu(revenue, user_id) ----

    public void addRevenue(double revenue, long user)
    {
        if (countRevenue(revenue)) {
            if (batching()) {
                defer(user, 0, false);
            }
            else {
                first.add(user);
            }
        }
    }

    public void addRevenue(double revenue, byte[] user, int offset, int length)
    {
        if (countRevenue(revenue)) {
            first.add(user, offset, length);
        }
    }

    // ---- sessions_per_user(session_id, user_id) ----

    public void addSessionOfUser(long session, long user)
    {
        countRow();
        if (batching()) {
            defer(session, user, true);
            return;
        }
        first.add(session);
        second.add(user);
    }

    public void addSessionOfUser(long session, byte[] user, int offset, int length)
    {
        countRow();
        first.add(session);
        second.add(user, offset, length);
    }

    public void addSessionOfUser(byte[] session, int offset, int length, long user)
    {
        countRow();
        first.add(session, offset, length);
        second.add(user);
    }

    public void addSessionOfUser(byte[] session, int sessionOffset, int sessionLength, byte[] user, int userOffset, int userLength)
    {
        countRow();
        first.add(session, sessionOffset, sessionLength);
        second.add(user, userOffset, userLength);
    }

    // ---- pages_per_session(session_id) ----

    public void addPageView(long session)
    {
        countRow();
        if (batching()) {
            defer(session, 0, false);
            return;
        }
        first.add(session);
    }

    public void addPageView(byte[] session, int offset, int length)
    {
        countRow();
        first.add(session, offset, length);
    }

    // ---- feature_adoption_rate(user_id, used_feature) ----

    public void addFeatureUse(long user, boolean used)
    {
        countRow();
        if (batching()) {
            defer(user, user, used);
            return;
        }
        first.add(user);
        if (used) {
            second.add(user);
        }
    }

    public void addFeatureUse(byte[] user, int offset, int length, boolean used)
    {
        countRow();
        first.add(user, offset, length);
        if (used) {
            second.add(user, offset, length);
        }
    }

    // ---- dau_mau(user_id, activity_date) ----

    /** @param day the activity date as days since 1970-01-01 */
    public void addActivity(long user, int day)
    {
        if (!batching()) {
            countActivity(first.add(user), day);
            return;
        }
        countRow();
        firstDay = Math.min(firstDay, day);
        lastDay = Math.max(lastDay, day);
        pending.days[pending.size] = day;
        defer(user, 0, false);
    }

    /** Whether BIGINT rows go through a batch: the sets are past {@link #BATCH_FROM}. */
    private boolean batching()
    {
        if (pending != null) {
            return true;
        }
        if ((long) first.count() + second.count() + pairs.count() < BATCH_FROM) {
            return false;
        }
        pending = new Batch();
        return true;
    }

    /** Queues an id for {@code first} and, when {@code toSecond}, one for {@code second}. */
    private void defer(long firstId, long secondId, boolean toSecond)
    {
        Batch batch = pending;
        batch.first[batch.size] = firstId;
        if (toSecond) {
            batch.second[batch.secondSize++] = secondId;
        }
        if (++batch.size == BATCH) {
            flush();
        }
    }

    /** Puts the batched rows into the sets; every read of the sets comes after it. */
    private void flush()
    {
        Batch batch = pending;
        if (batch == null || batch.size == 0) {
            return;
        }
        if (shared != null) {
            shared.add(batch.first, batch.days, batch.size, batch.second, batch.secondSize);
            batch.size = 0;
            batch.secondSize = 0;
            return;
        }
        first.addBatch(batch.first, batch.size, batch.hashes, batch.ordinals);
        if (kpi == Kpi.DAU_MAU) {
            for (int i = 0; i < batch.size; i++) {
                batch.first[i] = pack(batch.ordinals[i], batch.days[i]);
            }
            pairs.addBatch(batch.first, batch.size, batch.hashes, batch.ordinals);
        }
        if (batch.secondSize > 0) {
            second.addBatch(batch.second, batch.secondSize, batch.hashes, batch.ordinals);
        }
        batch.size = 0;
        batch.secondSize = 0;
    }

    /** BIGINT rows waiting for {@link #flush}: the ids of each set, dau_mau's days; the arrays are reused. */
    private static final class Batch
    {
        static final long BYTES = Sizes.instance(7) + Sizes.of(new long[BATCH]) * 3 + Sizes.of(new int[BATCH]) * 2;

        final long[] first = new long[BATCH];
        final long[] second = new long[BATCH];
        final int[] days = new int[BATCH];
        final long[] hashes = new long[BATCH];
        final int[] ordinals = new int[BATCH];
        int size;
        int secondSize;
    }

    public void addActivity(byte[] user, int offset, int length, int day)
    {
        countActivity(first.add(user, offset, length), day);
    }

    // ---- all ----

    public void merge(DistinctAccumulator other)
    {
        if (other.kpi != kpi) {
            throw new IllegalArgumentException("cannot merge " + other.kpi + " into " + kpi);
        }
        if ((shared == null) != (other.shared == null) || shared != null && shared.sets() != other.shared.sets()) {
            throw new IllegalArgumentException("cannot merge a state of shared sets with one of its own or of other sets");
        }
        flush();
        other.flush();
        mergeNumbers(other);
        if (shared != null) {
            // the ids are in the shared sets already
            return;
        }
        if (kpi == Kpi.DAU_MAU && first.count() > 0) {
            // the other side's user ordinals mean nothing here: its users go in first (one lookup
            // each), then every pair with its user's ordinal here, all in one batch in hash order
            int[] users = first.addAllOrdinals(other.first);
            int count = other.pairs.count();
            long[] translated = new long[count];
            for (int i = 0; i < count; i++) {
                long pair = other.pairs.longAt(i);
                translated[i] = pack(users[(int) (pair >>> 32)], (int) pair);
            }
            pairs.addAllLongs(translated, count);
        }
        else {
            // only dau_mau has pairs, and only here when this state is empty: then addAll copies,
            // the users keep their ordinals and the pairs stay valid
            first.addAll(other.first);
            second.addAll(other.second);
            pairs.addAll(other.pairs);
        }
    }

    /** Everything but the sets: the rows, the revenue and the days. */
    private void mergeNumbers(DistinctAccumulator other)
    {
        rows = Counts.add(kpi.function(), "rows", rows, other.rows);
        double t = sum + other.sum;
        sumError += other.sumError + Sums.error(sum, other.sum, t);
        sum = t;
        firstDay = Math.min(firstDay, other.firstDay);
        lastDay = Math.max(lastDay, other.lastDay);
    }

    @Override
    public Double result()
    {
        if (shared != null) {
            throw new IllegalStateException("a state of shared sets is answered with the others, by resultOfShared");
        }
        flush();
        return rows == 0 ? null : answer(first.size(), second.size(), pairs.size());
    }

    /** The KPI of this state's numbers and the given sizes of its sets. */
    private Double answer(long firstSize, long secondSize, long pairsSize)
    {
        String function = kpi.function();
        return switch (kpi) {
            case ARPU_BY_USER, ARPPU -> Sums.ratio(function, Sums.value(function, "revenue", sum, sumError), firstSize, 1);
            case SESSIONS_PER_USER -> Sums.ratio(function, firstSize, secondSize, 1);
            case PAGES_PER_SESSION -> Sums.ratio(function, rows, firstSize, 1);
            case FEATURE_ADOPTION_RATE -> Sums.ratio(function, secondSize, firstSize, 100);
            case DAU_MAU -> Sums.ratio(function, pairsSize, ((double) lastDay - firstDay + 1) * firstSize, 100);
        };
    }

    /** Runs {@code work} for every worker number in {@code [0, threads)} and returns when all have ended. */
    @FunctionalInterface
    public interface Workers
    {
        void run(int threads, IntConsumer work);
    }

    /** Ids of one part's set that {@link #resultOfAll} counts in one task. */
    private static final int TASK_IDS = 1 << 14;

    /**
     * What merging {@code parts} in this order and asking for the result gives, without merging
     * their sets, so that the work spreads over threads: a union of sets has as many ids as
     * each part holds ids that no earlier part holds, and finding those only reads the sets, so
     * {@code workers} runs the lookups on {@code threads} threads at once. Merging would instead
     * insert every id of the later parts into the first, one after the other on one thread. The
     * numbers (rows, revenue, days) merge as {@link #merge} merges them, so the answer is the
     * same to the last bit. The parts keep their ids; their pending rows go into their sets.
     */
    public static Double resultOfAll(List<DistinctAccumulator> parts, int threads, Workers workers)
    {
        Kpi kpi = parts.get(0).kpi;
        DistinctAccumulator totals = new DistinctAccumulator(kpi);
        for (DistinctAccumulator part : parts) {
            if (part.kpi != kpi) {
                throw new IllegalArgumentException("cannot merge " + part.kpi + " into " + kpi);
            }
            part.flush();
            totals.mergeNumbers(part);
            // builds the tables before the threads read them
            part.first.size();
            part.second.size();
            part.pairs.size();
        }
        if (totals.rows == 0) {
            return null;
        }
        // what merge() would reject: BIGINT and VARCHAR ids in one set
        sameKind(parts, part -> part.first);
        sameKind(parts, part -> part.second);
        List<long[]> tasks = new ArrayList<>();
        for (int set = 0; set < 3; set++) {
            for (int part = 1; part < parts.size(); part++) {
                int size = set(parts.get(part), set).count();
                for (int from = 0; from < size; from += TASK_IDS) {
                    tasks.add(new long[] {set, part, from, Math.min(size, from + TASK_IDS), 0});
                }
            }
        }
        AtomicInteger next = new AtomicInteger();
        workers.run(Math.max(1, Math.min(threads, tasks.size())), worker -> {
            for (int task = next.getAndIncrement(); task < tasks.size(); task = next.getAndIncrement()) {
                long[] counting = tasks.get(task);
                counting[4] = countNew(parts, (int) counting[0], (int) counting[1], (int) counting[2], (int) counting[3]);
            }
        });
        long[] sizes = new long[3];
        for (int set = 0; set < 3; set++) {
            sizes[set] = set(parts.get(0), set).count();
        }
        for (long[] counted : tasks) {
            sizes[(int) counted[0]] += counted[4];
        }
        return totals.answer(sizes[0], sizes[1], sizes[2]);
    }

    /**
     * What merging {@code parts} in this order and asking for the result gives, for states whose
     * ids went to {@code sets} (see {@link #DistinctAccumulator(Kpi, PartitionedIdSets.Writer)}):
     * the numbers merge as {@link #merge} merges them and the sets' sizes are the shared sets'.
     * Call it when no thread adds rows any more; {@code workers} adds the writers' last ids on
     * {@code threads} threads.
     */
    public static Double resultOfShared(List<DistinctAccumulator> parts, PartitionedIdSets sets, int threads, Workers workers)
    {
        Kpi kpi = parts.get(0).kpi;
        DistinctAccumulator totals = new DistinctAccumulator(kpi);
        for (DistinctAccumulator part : parts) {
            if (part.kpi != kpi) {
                throw new IllegalArgumentException("cannot merge " + part.kpi + " into " + kpi);
            }
            if (part.shared == null || part.shared.sets() != sets) {
                throw new IllegalArgumentException("a state of its own sets or of other sets");
            }
            if (part.first.count() + part.second.count() + part.pairs.count() > 0) {
                throw new IllegalStateException("only BIGINT ids go to shared sets");
            }
            part.flush();
            totals.mergeNumbers(part);
        }
        if (totals.rows == 0) {
            return null;
        }
        long[] sizes = sets.sizes(threads, workers);
        return totals.answer(sizes[0], sizes[1], sizes[2]);
    }

    /** first, second or pairs, by number. */
    private static IdSet set(DistinctAccumulator part, int set)
    {
        return set == 0 ? part.first : set == 1 ? part.second : part.pairs;
    }

    private static void sameKind(List<DistinctAccumulator> parts, Function<DistinctAccumulator, IdSet> set)
    {
        byte kind = IdSet.EMPTY;
        for (DistinctAccumulator part : parts) {
            IdSet ids = set.apply(part);
            if (ids.count() > 0) {
                if (kind != IdSet.EMPTY && ids.kind() != kind) {
                    throw new IllegalStateException("ids of one group must all be BIGINT or all VARCHAR");
                }
                kind = ids.kind();
            }
        }
    }

    /** How many ids of the given set of part {@code part}, ordinals {@code from} to {@code to}, no earlier part holds. */
    private static long countNew(List<DistinctAccumulator> parts, int set, int part, int from, int to)
    {
        DistinctAccumulator later = parts.get(part);
        long count = 0;
        for (int ordinal = from; ordinal < to; ordinal++) {
            boolean seen = false;
            for (int earlier = 0; earlier < part && !seen; earlier++) {
                DistinctAccumulator before = parts.get(earlier);
                if (set < 2) {
                    seen = set(before, set).find(set(later, set), ordinal) >= 0;
                }
                else {
                    // a (user, day) pair: the user's ordinal differs from part to part
                    long pair = later.pairs.longAt(ordinal);
                    int user = before.first.find(later.first, (int) (pair >>> 32));
                    seen = user >= 0 && before.pairs.find(pack(user, (int) pair)) >= 0;
                }
            }
            if (!seen) {
                count++;
            }
        }
        return count;
    }

    /** Heap bytes held, for an engine's memory accounting; an over- rather than an under-estimate. */
    public long retainedBytes()
    {
        return INSTANCE_SIZE + first.retainedBytes() + second.retainedBytes() + pairs.retainedBytes() + (pending == null ? 0 : Batch.BYTES);
    }

    @Override
    public void add(Object... arguments)
    {
        switch (kpi) {
            case ARPU_BY_USER, ARPPU -> {
                double revenue = Values.asDouble(arguments[0]);
                if (Values.isIntegral(arguments[1])) {
                    addRevenue(revenue, Values.asLong(arguments[1]));
                }
                else {
                    byte[] user = utf8(arguments[1]);
                    addRevenue(revenue, user, 0, user.length);
                }
            }
            // BIGINT ids take the typed adds, which batch them (and hand them to shared sets)
            case SESSIONS_PER_USER -> {
                if (Values.isIntegral(arguments[0]) && Values.isIntegral(arguments[1])) {
                    addSessionOfUser(Values.asLong(arguments[0]), Values.asLong(arguments[1]));
                    return;
                }
                countRow();
                addId(first, arguments[0]);
                addId(second, arguments[1]);
            }
            case PAGES_PER_SESSION -> {
                if (Values.isIntegral(arguments[0])) {
                    addPageView(Values.asLong(arguments[0]));
                    return;
                }
                countRow();
                addId(first, arguments[0]);
            }
            case FEATURE_ADOPTION_RATE -> {
                if (Values.isIntegral(arguments[0])) {
                    addFeatureUse(Values.asLong(arguments[0]), Values.asBoolean(arguments[1]));
                    return;
                }
                countRow();
                addId(first, arguments[0]);
                if (Values.asBoolean(arguments[1])) {
                    addId(second, arguments[0]);
                }
            }
            case DAU_MAU -> {
                int day = Math.toIntExact(Values.asLong(arguments[1]));
                if (Values.isIntegral(arguments[0])) {
                    addActivity(Values.asLong(arguments[0]), day);
                    return;
                }
                countActivity(addId(first, arguments[0]), day);
            }
        }
    }

    @Override
    public void merge(KpiAccumulator other)
    {
        merge((DistinctAccumulator) other);
    }

    public byte[] serialize()
    {
        if (shared != null) {
            throw new IllegalStateException("a state of shared sets has no binary form");
        }
        flush();
        // the exact size, so that the ids are written once, into an array that is the result
        long bytes = 34 + first.serializedBytes() + second.serializedBytes() + 4 + 8L * pairs.count();
        SerialWriter out = new SerialWriter((int) Math.min(bytes, Integer.MAX_VALUE - 8))
                .putByte(VERSION)
                .putByte(kpi.ordinal())
                .putLong(rows)
                .putDouble(sum)
                .putDouble(sumError)
                .putInt(firstDay)
                .putInt(lastDay);
        first.write(out);
        second.write(out);
        out.putInt(pairs.count());
        for (int i = 0; i < pairs.count(); i++) {
            out.putLong(pairs.longAt(i));
        }
        return out.toByteArray();
    }

    public static DistinctAccumulator deserialize(byte[] serialized)
    {
        SerialReader in = SerialReader.open(serialized, "distinct", VERSION);
        int kpi = in.getByte();
        if (kpi < 0 || kpi >= Kpi.values().length) {
            throw new IllegalArgumentException("corrupt distinct state: unknown KPI " + kpi);
        }
        DistinctAccumulator state = new DistinctAccumulator(Kpi.values()[kpi]);
        state.rows = in.getLong();
        state.sum = in.getDouble();
        state.sumError = in.getDouble();
        state.firstDay = in.getInt();
        state.lastDay = in.getInt();
        state.first = IdSet.read(in);
        state.second = IdSet.read(in);
        long[] pairs = new long[in.getCount(8)];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = in.getLong();
        }
        state.pairs = IdSet.ofDistinct(pairs, pairs.length);
        in.expectEnd();
        return state;
    }

    private boolean countRevenue(double revenue)
    {
        Check.nonNegative(kpi.function(), "revenue", revenue);
        countRow();
        double t = sum + revenue;
        sumError += Sums.error(sum, revenue, t);
        sum = t;
        // arppu counts only paying users; arpu every user
        return kpi != Kpi.ARPPU || revenue > 0;
    }

    private void countActivity(int userOrdinal, int day)
    {
        countRow();
        firstDay = Math.min(firstDay, day);
        lastDay = Math.max(lastDay, day);
        pairs.add(pack(userOrdinal, day));
    }

    private void countRow()
    {
        rows = Counts.increment(kpi.function(), "rows", rows);
    }

    static long pack(int userOrdinal, int day)
    {
        return ((long) userOrdinal << 32) | (day & 0xffffffffL);
    }

    private static int addId(IdSet set, Object id)
    {
        if (Values.isIntegral(id)) {
            return set.add(Values.asLong(id));
        }
        byte[] bytes = utf8(id);
        return set.add(bytes, 0, bytes.length);
    }

    private static byte[] utf8(Object id)
    {
        return id.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
