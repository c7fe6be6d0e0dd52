package dev.kpisql.udfs.distinct;

/** Hash functions of the sets and sketches in this package. */
final class Hashes
{
    /** The golden-ratio constant 2^64 / φ, odd: multiplying by it is a bijection on longs. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashes() {}

    /**
     * MurmurHash3's 64-bit finalizer (A. Appleby): a bijection with full avalanche, so distinct
     * longs get distinct, well-spread hashes.
     */
    static long mix64(long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** A 64-bit hash of a byte range: FNV-1a over 8-byte words, then {@link #mix64}. */
    static long hash64(byte[] array, int offset, int length)
    {
        long h = 0xCBF29CE484222325L ^ length;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            long word = (array[i] & 0xFFL)
                    | (array[i + 1] & 0xFFL) << 8
                    | (array[i + 2] & 0xFFL) << 16
                    | (array[i + 3] & 0xFFL) << 24
                    | (array[i + 4] & 0xFFL) << 32
                    | (array[i + 5] & 0xFFL) << 40
                    | (array[i + 6] & 0xFFL) << 48
                    | (array[i + 7] & 0xFFL) << 56;
            h = mix64(h ^ word) * GOLDEN;
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (array[i] & 0xFFL) << shift;
        }
        return mix64(h ^ tail);
    }
}
