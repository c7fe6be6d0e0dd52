package dev.kpisql.udfs.distinct;

/**
 * A HyperLogLog sketch of a set of 64-bit hashes, with 2^p registers (P. Flajolet, É. Fusy,
 * O. Gandouet, F. Meunier, "HyperLogLog: the analysis of a near-optimal cardinality estimation
 * algorithm", AofA 2007), estimated with O. Ertl's improved estimator ("New cardinality
 * estimation algorithms for HyperLogLog sketches", arXiv:1702.01284, 2017, algorithm 6), which
 * needs no empirical bias correction and keeps a relative standard error of about
 * 1.04 / sqrt(2^p) over the whole range.
 *
 * <p>Small sets stay sparse: the sketch keeps the distinct hashes themselves in a
 * {@link LongSet} (exact, up to 64-bit hash collisions) until there are more than
 * 2^p / {@value #SPARSE_DIVISOR} of them, then switches to the registers for good. Whether a sketch
 * ends dense depends only on how many distinct hashes it has seen, and the registers are the
 * maximum over all hashes, so any split and merge order gives the same sketch.
 *
 * <p>Register j holds the largest rank seen among hashes whose top p bits are j, where the rank
 * is 1 + the number of leading zeros of the remaining 64 − p bits (at most 65 − p). Not thread-safe.
 */
final class HyperLogLog
{
    static final int MIN_PRECISION = 4;
    static final int MAX_PRECISION = 18;
    static final int SPARSE_DIVISOR = 16;

    private static final byte SPARSE = 0;
    private static final byte DENSE = 1;
    private static final int BITS_PER_REGISTER = 6;

    private final int precision;
    private LongSet sparse;
    private byte[] registers;

    HyperLogLog(int precision)
    {
        if (precision < MIN_PRECISION || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("precision " + precision + " is outside " + MIN_PRECISION + ".." + MAX_PRECISION);
        }
        this.precision = precision;
        this.sparse = new LongSet();
    }

    int precision()
    {
        return precision;
    }

    boolean isSparse()
    {
        return sparse != null;
    }

    void add(long hash)
    {
        if (sparse != null) {
            if (sparse.add(hash) && sparse.size() > sparseLimit()) {
                densify();
            }
        }
        else {
            addToRegisters(hash);
        }
    }

    void merge(HyperLogLog other)
    {
        if (other.precision != precision) {
            throw new IllegalArgumentException("cannot merge sketches of precision " + precision + " and " + other.precision);
        }
        if (other.sparse != null) {
            LongSet hashes = other.sparse;
            int size = hashes.size();
            for (int i = 0; i < size; i++) {
                add(hashes.key(i));
            }
            return;
        }
        if (sparse != null) {
            densify();
        }
        byte[] from = other.registers;
        for (int j = 0; j < registers.length; j++) {
            if (from[j] > registers[j]) {
                registers[j] = from[j];
            }
        }
    }

    /** The estimated number of distinct hashes; exact while sparse. */
    double estimate()
    {
        if (sparse != null) {
            return sparse.size();
        }
        int m = registers.length;
        int q = 64 - precision;
        int[] histogram = new int[q + 2];
        for (byte register : registers) {
            histogram[register]++;
        }
        if (histogram[0] == m) {
            return 0;
        }
        double z = m * tau(1 - (double) histogram[q + 1] / m);
        for (int k = q; k >= 1; k--) {
            z = 0.5 * (z + histogram[k]);
        }
        z += m * sigma((double) histogram[0] / m);
        return m / (2 * Math.log(2)) * m / z;
    }

    long retainedBytes()
    {
        return Sizes.instance(3) + (sparse != null ? sparse.retainedBytes() : 0) + Sizes.of(registers);
    }

    /** Precision, mode, then the sparse hashes or the registers packed in 6 bits each. */
    void write(SerialWriter out)
    {
        out.putByte(precision);
        if (sparse != null) {
            out.putByte(SPARSE);
            sparse.write(out);
            return;
        }
        out.putByte(DENSE);
        long buffer = 0;
        int bits = 0;
        for (byte register : registers) {
            buffer = buffer << BITS_PER_REGISTER | register;
            bits += BITS_PER_REGISTER;
            if (bits >= 8) {
                bits -= 8;
                out.putByte((int) (buffer >>> bits));
            }
        }
        if (bits > 0) {
            out.putByte((int) (buffer << (8 - bits)));
        }
    }

    static HyperLogLog read(SerialReader in)
    {
        int precision = in.getByte();
        if (precision < MIN_PRECISION || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("corrupt serialized sketch: precision " + precision);
        }
        HyperLogLog sketch = new HyperLogLog(precision);
        byte mode = in.getByte();
        if (mode == SPARSE) {
            sketch.sparse = LongSet.read(in);
            if (sketch.sparse.size() > sketch.sparseLimit()) {
                throw new IllegalArgumentException("corrupt serialized sketch: " + sketch.sparse.size() + " sparse hashes");
            }
            return sketch;
        }
        if (mode != DENSE) {
            throw new IllegalArgumentException("corrupt serialized sketch: mode " + mode);
        }
        int m = 1 << precision;
        byte[] packed = in.getBytes((m * BITS_PER_REGISTER + 7) / 8);
        byte[] registers = new byte[m];
        int maxRank = 65 - precision;
        long buffer = 0;
        int bits = 0;
        int next = 0;
        for (int j = 0; j < m; j++) {
            while (bits < BITS_PER_REGISTER) {
                buffer = buffer << 8 | (packed[next++] & 0xFF);
                bits += 8;
            }
            bits -= BITS_PER_REGISTER;
            int register = (int) (buffer >>> bits) & ((1 << BITS_PER_REGISTER) - 1);
            if (register > maxRank) {
                throw new IllegalArgumentException("corrupt serialized sketch: register " + register + " above " + maxRank);
            }
            registers[j] = (byte) register;
        }
        sketch.sparse = null;
        sketch.registers = registers;
        return sketch;
    }

    private int sparseLimit()
    {
        return (1 << precision) / SPARSE_DIVISOR;
    }

    private void densify()
    {
        LongSet hashes = sparse;
        registers = new byte[1 << precision];
        sparse = null;
        for (int i = 0; i < hashes.size(); i++) {
            addToRegisters(hashes.key(i));
        }
    }

    private void addToRegisters(long hash)
    {
        int index = (int) (hash >>> (64 - precision));
        // the sentinel bit bounds the rank by 65 − p when the remaining bits are all zero
        int rank = Long.numberOfLeadingZeros(hash << precision | 1L << (precision - 1)) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** σ(x) = x + Σ_{k≥1} x^(2^k) 2^(k−1), for the registers still 0 (Ertl, eq. 40). */
    private static double sigma(double x)
    {
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double y = 1;
        double z = x;
        double previous;
        do {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (z != previous);
        return z;
    }

    /** τ(x) = (1 − x − Σ_{k≥1} (1 − x^(2^−k))² 2^−k) / 3, for the saturated registers (Ertl, eq. 39). */
    private static double tau(double x)
    {
        if (x == 0 || x == 1) {
            return 0;
        }
        double y = 1;
        double z = 1 - x;
        double previous;
        do {
            x = Math.sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        }
        while (z != previous);
        return z / 3;
    }
}
