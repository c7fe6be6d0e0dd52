package dev.kpisql.udfs.distinct;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LongSetTest
{
    @Test
    void ordinalsFollowFirstInsertion()
    {
        LongSet set = new LongSet();
        assertThat(set.addOrdinal(42)).isEqualTo(0);
        assertThat(set.addOrdinal(-1)).isEqualTo(1);
        assertThat(set.addOrdinal(42)).isEqualTo(0);
        assertThat(set.addOrdinal(0)).isEqualTo(2);
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.key(1)).isEqualTo(-1);
        assertThat(set.ordinal(0)).isEqualTo(2);
        assertThat(set.ordinal(7)).isEqualTo(-1);
    }

    @Test
    void everyLongIsAKeyIncludingZeroAndExtremes()
    {
        LongSet set = new LongSet();
        for (long key : new long[] {0, Long.MIN_VALUE, Long.MAX_VALUE, -1, 1}) {
            assertThat(set.add(key)).isTrue();
            assertThat(set.add(key)).isFalse();
        }
        assertThat(set.size()).isEqualTo(5);
        assertThat(set.contains(0)).isTrue();
        assertThat(set.contains(Long.MIN_VALUE)).isTrue();
    }

    @Test
    void growsAndRehashesLikeAHashSet()
    {
        Random random = new Random(1);
        LongSet set = new LongSet();
        Map<Long, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < 300_000; i++) {
            // a narrow range forces many repeats
            long key = random.nextInt(200_000) - 100_000L;
            Integer ordinal = expected.computeIfAbsent(key, k -> expected.size());
            assertThat(set.addOrdinal(key)).isEqualTo(ordinal);
        }
        assertThat(set.size()).isEqualTo(expected.size());
        int ordinal = 0;
        for (long key : expected.keySet()) {
            assertThat(set.key(ordinal)).isEqualTo(key);
            assertThat(set.ordinal(key)).isEqualTo(ordinal++);
        }
    }

    @Test
    void keysInTheSameSlotAreKeptApart()
    {
        // keys whose hash lands in slot 0 of the initial 8-slot table: a probing chain from the start
        List<Long> colliding = new ArrayList<>();
        for (long key = 0; colliding.size() < 6; key++) {
            if (((int) Hashes.mix64(key) & 7) == 0) {
                colliding.add(key);
            }
        }
        LongSet set = new LongSet();
        for (long key : colliding) {
            set.add(key);
        }
        assertThat(set.size()).isEqualTo(6);
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(set.ordinal(colliding.get(i))).isEqualTo(i);
        }
        assertThat(set.contains(colliding.get(5) + 1)).isEqualTo(colliding.contains(colliding.get(5) + 1));
    }

    @Test
    void retainedBytesGrowsWithContentAndCoversTheArrays()
    {
        LongSet set = new LongSet();
        long empty = set.retainedBytes();
        for (long key = 0; key < 10_000; key++) {
            set.add(key * 31);
        }
        // at least 8 bytes per key plus 4 per table slot at load ≤ 1/2
        assertThat(set.retainedBytes()).isGreaterThan(empty).isGreaterThanOrEqualTo(10_000 * (8 + 8));
    }

    @Test
    void serializationKeepsKeysAndOrdinals()
    {
        LongSet set = new LongSet();
        Set<Long> keys = new HashSet<>();
        Random random = new Random(2);
        for (int i = 0; i < 1000; i++) {
            long key = random.nextLong();
            set.add(key);
            keys.add(key);
        }
        SerialWriter out = new SerialWriter().putByte(1);
        set.write(out);
        LongSet copy = LongSet.read(SerialReader.open(out.toByteArray(), "test", 1));
        assertThat(copy.size()).isEqualTo(keys.size());
        for (int i = 0; i < set.size(); i++) {
            assertThat(copy.key(i)).isEqualTo(set.key(i));
        }
    }

    @Test
    void corruptSerializationFailsCleanly()
    {
        // a count of a million keys in a 6-byte input
        byte[] bytes = {1, 0, 0x0F, 0x42, 0x40, 0};
        assertThatThrownBy(() -> LongSet.read(SerialReader.open(bytes, "test", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
        byte[] duplicate = new SerialWriter().putByte(1).putInt(2).putLong(5).putLong(5).toByteArray();
        assertThatThrownBy(() -> LongSet.read(SerialReader.open(duplicate, "test", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate key 5");
    }
}
