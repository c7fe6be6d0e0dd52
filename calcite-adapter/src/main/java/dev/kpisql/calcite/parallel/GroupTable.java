package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.parallel.Vector.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One thread's groups of a GROUP BY: each distinct key gets a dense number, in the order the
 * thread meets them. A key is one 64-bit code per column (the value of a BIGINT, TIMESTAMP, DATE
 * or BOOLEAN, the bits of a DOUBLE, the number of a VARCHAR in this thread's dictionary) and a
 * mask of the NULL columns, kept in flat arrays and found by open addressing. Keys are equal when
 * Calcite's are: DOUBLEs compare by {@link Double#equals} (so -0.0 and 0.0 are two groups, and
 * every NaN is one), strings by {@link String#equals}. Each group remembers the ordinal of its
 * first row, so that groups can be put in the order of the file.
 */
final class GroupTable
{
    private static final int EMPTY = -1;

    private final Kind[] kinds;
    private final int width;
    private final List<Map<String, Integer>> dictionaries = new ArrayList<>();
    private final List<List<String>> strings = new ArrayList<>();
    private long[] codes;
    private long[] nullMasks;
    private long[] firstOrdinals;
    private int[] slots;
    private int groups;
    private final long[] key;

    GroupTable(Kind[] kinds)
    {
        this.kinds = kinds.clone();
        this.width = kinds.length;
        for (int c = 0; c < width; c++) {
            dictionaries.add(kinds[c] == Kind.STRING ? new HashMap<>() : null);
            strings.add(kinds[c] == Kind.STRING ? new ArrayList<>() : null);
        }
        codes = new long[16 * width];
        nullMasks = new long[16];
        firstOrdinals = new long[16];
        slots = new int[64];
        Arrays.fill(slots, EMPTY);
        key = new long[width];
    }

    int groups()
    {
        return groups;
    }

    long firstOrdinal(int group)
    {
        return firstOrdinals[group];
    }

    /**
     * Sets {@code groupOf[row]} to the group of each of the {@code count} rows, given as indexes
     * into the slice's key vectors; a new group's first ordinal is {@code ordinal + row}.
     */
    void assign(Vector[] keys, int[] rows, int count, int[] groupOf, long ordinal)
    {
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            long nullMask = 0;
            long hash = 0;
            for (int c = 0; c < width; c++) {
                Vector vector = keys[c];
                long code;
                if (vector.isNull(row)) {
                    nullMask |= 1L << c;
                    code = 0;
                }
                else {
                    int at = vector.offset + row;
                    code = switch (kinds[c]) {
                        case LONG -> vector.longs[at];
                        case DOUBLE -> Double.doubleToLongBits(vector.doubles[at]);
                        case INT -> vector.ints[at];
                        case BOOLEAN -> vector.booleans[at] ? 1 : 0;
                        case STRING -> stringCode(c, vector.strings[at]);
                    };
                }
                key[c] = code;
                hash = (hash + code) * 0x9E3779B97F4A7C15L;
            }
            hash ^= nullMask * 0xC2B2AE3D27D4EB4FL;
            groupOf[row] = find(hash ^ (hash >>> 29), nullMask, ordinal + row);
        }
    }

    private int find(long hash, long nullMask, long ordinal)
    {
        int mask = slots.length - 1;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            int group = slots[slot];
            if (group == EMPTY) {
                return add(slot, nullMask, ordinal);
            }
            if (nullMasks[group] == nullMask && sameKey(group)) {
                return group;
            }
        }
    }

    private boolean sameKey(int group)
    {
        int base = group * width;
        for (int c = 0; c < width; c++) {
            if (codes[base + c] != key[c]) {
                return false;
            }
        }
        return true;
    }

    private int add(int slot, long nullMask, long ordinal)
    {
        int group = groups++;
        if (group == nullMasks.length) {
            int size = nullMasks.length * 2;
            nullMasks = Arrays.copyOf(nullMasks, size);
            firstOrdinals = Arrays.copyOf(firstOrdinals, size);
            codes = Arrays.copyOf(codes, size * width);
        }
        System.arraycopy(key, 0, codes, group * width, width);
        nullMasks[group] = nullMask;
        firstOrdinals[group] = ordinal;
        slots[slot] = group;
        if (groups * 2 > slots.length) {
            rehash();
        }
        return group;
    }

    private void rehash()
    {
        int[] grown = new int[slots.length * 2];
        Arrays.fill(grown, EMPTY);
        int mask = grown.length - 1;
        for (int group = 0; group < groups; group++) {
            long hash = 0;
            int base = group * width;
            for (int c = 0; c < width; c++) {
                hash = (hash + codes[base + c]) * 0x9E3779B97F4A7C15L;
            }
            hash ^= nullMasks[group] * 0xC2B2AE3D27D4EB4FL;
            hash ^= hash >>> 29;
            int slot = (int) hash & mask;
            while (grown[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = group;
        }
        slots = grown;
    }

    private long stringCode(int column, String value)
    {
        Map<String, Integer> dictionary = dictionaries.get(column);
        Integer code = dictionary.get(value);
        if (code == null) {
            code = dictionary.size();
            dictionary.put(value, code);
            strings.get(column).add(value);
        }
        return code;
    }

    /** The key of {@code group} as Calcite's values: Long, Double, Integer, Boolean, String, or null. */
    Object[] key(int group)
    {
        Object[] values = new Object[width];
        int base = group * width;
        for (int c = 0; c < width; c++) {
            if ((nullMasks[group] & (1L << c)) != 0) {
                continue;
            }
            long code = codes[base + c];
            values[c] = switch (kinds[c]) {
                case LONG -> code;
                case DOUBLE -> Double.longBitsToDouble(code);
                case INT -> (int) code;
                case BOOLEAN -> code == 1;
                case STRING -> strings.get(c).get((int) code);
            };
        }
        return values;
    }
}
