package dev.kpisql.udfs.events;

import dev.kpisql.udfs.distinct.SerialReader;
import dev.kpisql.udfs.distinct.SerialWriter;
import dev.kpisql.udfs.distinct.Sizes;

import java.util.Arrays;

/**
 * The events of one group in a compact primitive form: a {@code long[]} of times and an
 * {@code int[]} of condition bits (bit {@code i} for element {@code i + 1}), 12 bytes per event.
 *
 * <p>Events are kept in arrival order and sorted only when an answer or a serialized form needs
 * them (contract S4): by time, then by the lowest true condition index, then by the condition
 * bits read as an unsigned number. Equal events are interchangeable, so the order — and every
 * answer computed from it — does not depend on the order in which rows arrive or on how they are
 * split. Rows added in that order (the usual case: an event log read in time order) are never
 * re-sorted, and two sorted logs merge in one linear pass. Not thread-safe.
 */
final class EventLog
{
    /** Header and the four fields. */
    static final long INSTANCE_SIZE = Sizes.instance(4);
    private static final long[] NO_TIMES = new long[0];
    private static final int[] NO_MASKS = new int[0];
    /** Ranges this short are sorted by insertion. */
    private static final int INSERTION_SORT = 24;

    private long[] times = NO_TIMES;
    private int[] masks = NO_MASKS;
    private int size;
    private boolean sorted = true;

    int size()
    {
        return size;
    }

    long time(int index)
    {
        return times[index];
    }

    int mask(int index)
    {
        return masks[index];
    }

    void add(long time, int mask)
    {
        if (size == times.length) {
            grow(size + 1);
        }
        if (sorted && size > 0 && compare(times[size - 1], masks[size - 1], time, mask) > 0) {
            sorted = false;
        }
        times[size] = time;
        masks[size] = mask;
        size++;
    }

    /** Appends every event of {@code other}; two sorted logs are merged and stay sorted. */
    void addAll(EventLog other)
    {
        if (other.size == 0) {
            return;
        }
        if (size == 0) {
            times = Arrays.copyOf(other.times, other.size);
            masks = Arrays.copyOf(other.masks, other.size);
            size = other.size;
            sorted = other.sorted;
            return;
        }
        if (sorted && other.sorted) {
            long[] mergedTimes = new long[size + other.size];
            int[] mergedMasks = new int[size + other.size];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < size && j < other.size) {
                if (compare(times[i], masks[i], other.times[j], other.masks[j]) <= 0) {
                    mergedTimes[k] = times[i];
                    mergedMasks[k++] = masks[i++];
                }
                else {
                    mergedTimes[k] = other.times[j];
                    mergedMasks[k++] = other.masks[j++];
                }
            }
            System.arraycopy(times, i, mergedTimes, k, size - i);
            System.arraycopy(masks, i, mergedMasks, k, size - i);
            k += size - i;
            System.arraycopy(other.times, j, mergedTimes, k, other.size - j);
            System.arraycopy(other.masks, j, mergedMasks, k, other.size - j);
            times = mergedTimes;
            masks = mergedMasks;
            size += other.size;
            return;
        }
        if (size + other.size > times.length) {
            grow(size + other.size);
        }
        System.arraycopy(other.times, 0, times, size, other.size);
        System.arraycopy(other.masks, 0, masks, size, other.size);
        size += other.size;
        sorted = false;
    }

    /** Sorts the events into the order of contract S4 (stable; a no-op when they already are). */
    void sort()
    {
        if (sorted) {
            return;
        }
        mergeSort(times, masks, new long[size], new int[size], 0, size);
        sorted = true;
    }

    boolean isSorted()
    {
        return sorted;
    }

    /** Heap bytes held: the two arrays at their capacity, and the object. */
    long retainedBytes()
    {
        return INSTANCE_SIZE + Sizes.of(times) + Sizes.of(masks);
    }

    /** The events, sorted: a count, then (time, bits) pairs. */
    void write(SerialWriter out)
    {
        sort();
        out.putInt(size);
        for (int i = 0; i < size; i++) {
            out.putLong(times[i]).putInt(masks[i]);
        }
    }

    static EventLog read(SerialReader in)
    {
        EventLog log = new EventLog();
        int size = in.getCount(12);
        log.times = new long[size];
        log.masks = new int[size];
        for (int i = 0; i < size; i++) {
            log.times[i] = in.getLong();
            log.masks[i] = in.getInt();
            if (i > 0 && log.sorted && compare(log.times[i - 1], log.masks[i - 1], log.times[i], log.masks[i]) > 0) {
                log.sorted = false;
            }
        }
        log.size = size;
        return log;
    }

    /** The order of S4: time, then the lowest true condition index, then the bits as an unsigned number. */
    static int compare(long time, int mask, long otherTime, int otherMask)
    {
        int byTime = Long.compare(time, otherTime);
        if (byTime != 0) {
            return byTime;
        }
        int byLowest = Integer.compare(Integer.numberOfTrailingZeros(mask), Integer.numberOfTrailingZeros(otherMask));
        return byLowest != 0 ? byLowest : Integer.compareUnsigned(mask, otherMask);
    }

    private void grow(int minimum)
    {
        if (minimum > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("an event list cannot hold " + minimum + " events");
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(minimum, times.length + (times.length >> 1) + 8L));
        times = Arrays.copyOf(times, capacity);
        masks = Arrays.copyOf(masks, capacity);
    }

    /** A stable merge sort of [from, to) of the parallel arrays, with buffers of the same length. */
    private static void mergeSort(long[] times, int[] masks, long[] timeBuffer, int[] maskBuffer, int from, int to)
    {
        if (to - from <= INSERTION_SORT) {
            for (int i = from + 1; i < to; i++) {
                long time = times[i];
                int mask = masks[i];
                int j = i - 1;
                while (j >= from && compare(times[j], masks[j], time, mask) > 0) {
                    times[j + 1] = times[j];
                    masks[j + 1] = masks[j];
                    j--;
                }
                times[j + 1] = time;
                masks[j + 1] = mask;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(times, masks, timeBuffer, maskBuffer, from, middle);
        mergeSort(times, masks, timeBuffer, maskBuffer, middle, to);
        if (compare(times[middle - 1], masks[middle - 1], times[middle], masks[middle]) <= 0) {
            return;
        }
        System.arraycopy(times, from, timeBuffer, from, to - from);
        System.arraycopy(masks, from, maskBuffer, from, to - from);
        int i = from;
        int j = middle;
        int k = from;
        while (i < middle && j < to) {
            if (compare(timeBuffer[i], maskBuffer[i], timeBuffer[j], maskBuffer[j]) <= 0) {
                times[k] = timeBuffer[i];
                masks[k++] = maskBuffer[i++];
            }
            else {
                times[k] = timeBuffer[j];
                masks[k++] = maskBuffer[j++];
            }
        }
        while (i < middle) {
            times[k] = timeBuffer[i];
            masks[k++] = maskBuffer[i++];
        }
        while (j < to) {
            times[k] = timeBuffer[j];
            masks[k++] = maskBuffer[j++];
        }
    }
}
