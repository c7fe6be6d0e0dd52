package dev.kpisql.udfs.distinct;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdSetTest
{
    @Test
    void bigintOrdinalsFollowFirstInsertionAcrossGrowth()
    {
        IdSet set = new IdSet();
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        for (long fixed : new long[] {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            expected.putIfAbsent(fixed, expected.size());
            assertThat(set.add(fixed)).isEqualTo(expected.get(fixed));
        }
        for (int i = 0; i < 200_000; i++) {
            // a narrow range, so most ids come back, and a few wide ones
            long id = i % 10 == 0 ? random.nextLong() : random.nextInt(50_000);
            expected.putIfAbsent(id, expected.size());
            assertThat(set.add(id)).isEqualTo(expected.get(id));
        }
        assertThat(set.size()).isEqualTo(expected.size());
        expected.forEach((id, ordinal) -> assertThat(set.longAt(ordinal)).isEqualTo(id));
    }

    @Test
    void bigintIdsThatShareTheirLowHashBitsStayApart()
    {
        // ids whose hashes agree in the low bits probe the same slots; only the full hash tells them apart
        IdSet set = new IdSet();
        long[] ids = new long[64];
        int found = 0;
        for (long candidate = 0; found < ids.length; candidate++) {
            if ((Hashes.mix64(candidate) & 0xFFFF) == 0x1234) {
                ids[found++] = candidate;
            }
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(set.add(ids[i])).isEqualTo(i);
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(set.add(ids[i])).isEqualTo(i);
        }
        assertThat(set.size()).isEqualTo(ids.length);
    }

    @Test
    void bigintIdsThatShareTheirHighHashBitsStayApart()
    {
        // the table's home slot is the hash's top bits: ids that agree there collide in small tables and large ones
        IdSet set = new IdSet();
        long[] ids = new long[64];
        int found = 0;
        for (long candidate = 0; found < ids.length; candidate++) {
            if (Hashes.mix64(candidate) >>> 48 == 0x1234) {
                ids[found++] = candidate;
            }
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(set.add(ids[i])).isEqualTo(i);
        }
        for (long filler = 0; filler < 100_000; filler++) {
            set.add(-1 - filler);
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(set.add(ids[i])).isEqualTo(i);
        }
        assertThat(set.size()).isEqualTo(ids.length + 100_000);
    }

    @Test
    void addAllIntoASetWithMembersNumbersOnlyTheNewIdsAndReportsEveryOrdinal()
    {
        // a merge past 32,768 ids inserts in hash order, a smaller one in the source's order
        addAllIntoASetWithMembers(30_000, 40_000, 50_000, 80_000);
        addAllIntoASetWithMembers(300, 400, 500, 800);
    }

    private static void addAllIntoASetWithMembers(int targetRows, int targetRange, int otherRows, int otherRange)
    {
        Random random = new Random(5);
        for (boolean strings : new boolean[] {false, true}) {
            IdSet target = new IdSet();
            Map<String, Integer> expected = new HashMap<>();
            for (int i = 0; i < targetRows; i++) {
                long id = random.nextInt(targetRange);
                expected.putIfAbsent(Long.toString(id), expected.size());
                int ordinal = strings ? target.add(Long.toString(id)) : target.add(id);
                assertThat(ordinal).isEqualTo(expected.get(Long.toString(id)));
            }
            IdSet other = new IdSet();
            java.util.List<String> otherIds = new java.util.ArrayList<>();
            for (int i = 0; i < otherRows; i++) {
                long id = random.nextInt(otherRange);
                int ordinal = strings ? other.add(Long.toString(id)) : other.add(id);
                if (ordinal == otherIds.size()) {
                    otherIds.add(Long.toString(id));
                }
            }
            // through the binary form, as engines move states: the source has no table of its own
            SerialWriter out = new SerialWriter().putByte(1);
            other.write(out);
            IdSet read = IdSet.read(SerialReader.open(out.toByteArray(), "test", 1));
            int before = expected.size();
            int[] ordinals = target.addAllOrdinals(read);
            java.util.Set<Integer> fresh = new java.util.TreeSet<>();
            for (int i = 0; i < other.size(); i++) {
                String id = otherIds.get(i);
                if (expected.containsKey(id)) {
                    // a member already there keeps its ordinal
                    assertThat(ordinals[i]).as("ordinal of %s", id).isEqualTo(expected.get(id));
                }
                else {
                    // a new one gets the next free ordinal (in the batch's hash order past 32,768 ids)
                    expected.put(id, ordinals[i]);
                    assertThat(fresh.add(ordinals[i])).isTrue();
                }
            }
            assertThat(fresh).containsExactlyElementsOf(java.util.stream.IntStream.range(before, expected.size()).boxed().toList());
            assertThat(target.size()).isEqualTo(expected.size());
            // every id is found again under its ordinal
            expected.forEach((id, ordinal) -> assertThat(strings ? target.add(id) : target.add(Long.parseLong(id))).isEqualTo(ordinal));
            assertThat(target.size()).isEqualTo(expected.size());
        }
    }

    @Test
    void mergesOfSmallSetsKeepEveryOrdinal()
    {
        // sets of up to IdSet.SMALL ids keep no table: merges that stay small, cross the size, or meet a large set
        addAllIntoASetWithMembers(10, 12, 10, 12);
        addAllIntoASetWithMembers(20, 25, 20, 40);
        addAllIntoASetWithMembers(3, 5, 300, 400);
        addAllIntoASetWithMembers(300, 400, 6, 10);
        addAllIntoASetWithMembers(0, 1, 20, 30);
    }

    @Test
    void setsOfEverySizeAroundTheSmallOneRoundTrip()
    {
        for (int ids = 0; ids <= IdSet.SMALL + 2; ids++) {
            IdSet longs = new IdSet();
            IdSet strings = new IdSet();
            for (int i = 0; i < ids; i++) {
                // each id twice: the second finds the first
                for (int pass = 0; pass < 2; pass++) {
                    assertThat(longs.add(i * 1_000_003L)).isEqualTo(i);
                    assertThat(strings.add("id-" + i)).isEqualTo(i);
                }
            }
            for (IdSet set : new IdSet[] {longs, strings}) {
                assertThat(set.size()).isEqualTo(ids);
                SerialWriter out = new SerialWriter().putByte(1);
                set.write(out);
                IdSet copy = IdSet.read(SerialReader.open(out.toByteArray(), "test", 1));
                assertThat(copy.size()).isEqualTo(ids);
                for (int ordinal = 0; ordinal < ids; ordinal++) {
                    assertThat(copy.addFrom(set, ordinal)).isEqualTo(ordinal);
                }
                // one more id: a new ordinal, past the small size or not
                int added = set == strings ? copy.add("new") : copy.add(-7L);
                assertThat(added).isEqualTo(ids);
                assertThat(copy.size()).isEqualTo(ids + 1);
            }
        }
    }

    @Test
    void findReadsOrdinalsWithoutAdding()
    {
        for (int ids : new int[] {1, IdSet.SMALL, IdSet.SMALL + 1, 5_000}) {
            IdSet longs = new IdSet();
            IdSet strings = new IdSet();
            IdSet probeLongs = new IdSet();
            IdSet probeStrings = new IdSet();
            for (int i = 0; i < ids; i++) {
                longs.add(i * 3L);
                strings.add("s" + i * 3);
            }
            // every third id of 0 .. 3 × ids is a member
            for (int i = 0; i < 3 * ids; i++) {
                probeLongs.add((long) i);
                probeStrings.add("s" + i);
            }
            for (int i = 0; i < 3 * ids; i++) {
                int expected = i % 3 == 0 ? i / 3 : -1;
                assertThat(longs.find(i)).as("%d of %d", i, ids).isEqualTo(expected);
                assertThat(longs.find(probeLongs, i)).isEqualTo(expected);
                assertThat(strings.find(probeStrings, i)).isEqualTo(expected);
            }
            assertThat(longs.size()).isEqualTo(ids);
            assertThat(strings.size()).isEqualTo(ids);
            assertThatThrownBy(() -> longs.find(probeStrings, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("ids of one group must all be BIGINT or all VARCHAR");
        }
        assertThat(new IdSet().find(7)).isEqualTo(-1);
    }

    @Test
    void smallSetsTakeSixteenBytesAnId()
    {
        IdSet set = new IdSet();
        // an empty set holds no array of its own
        assertThat(set.retainedBytes()).isEqualTo(Sizes.instance(11));
        for (long id = 0; id < IdSet.SMALL; id++) {
            set.add(id * 1_000_003);
        }
        // each id's hash and the id itself, in two arrays grown by doubling to SMALL entries
        assertThat(set.retainedBytes()).isEqualTo(Sizes.instance(11) + 2 * Sizes.of(new long[IdSet.SMALL]));
        // the next id brings a table of 16-byte slots, at most half full
        set.add(-1);
        assertThat(set.retainedBytes()).isGreaterThanOrEqualTo((IdSet.SMALL + 1) * (8 + 2 * 16L));
        assertThat(set.size()).isEqualTo(IdSet.SMALL + 1);
    }

    @Test
    void theBigintHashIsABijection()
    {
        // undo each step of the finalizer: equal hashes can only come from equal ids
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            long id = i < 3 ? new long[] {0, Long.MIN_VALUE, -1}[i] : random.nextLong();
            assertThat(unhash(Hashes.mix64(id))).isEqualTo(id);
        }
    }

    @Test
    void varcharOrdinalsFollowFirstInsertionAcrossGrowth()
    {
        IdSet set = new IdSet();
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        String[] fixed = {"", "a", "aa", "ab", "b", "é", "user-1", "user-10", "user-100"};
        for (int i = 0; i < 100_000; i++) {
            String id = i < fixed.length ? fixed[i] : "user-" + random.nextInt(30_000);
            expected.putIfAbsent(id, expected.size());
            byte[] bytes = ("xx" + id + "yy").getBytes(StandardCharsets.UTF_8);
            assertThat(set.add(bytes, 2, bytes.length - 4)).isEqualTo(expected.get(id));
            assertThat(set.add(id)).isEqualTo(expected.get(id));
        }
        assertThat(set.size()).isEqualTo(expected.size());
    }

    @Test
    void retainedBytesCoverTheKeysTheTableAndTheHashes()
    {
        IdSet set = new IdSet();
        long empty = set.retainedBytes();
        for (long id = 0; id < 10_000; id++) {
            set.add(id);
        }
        // 8 bytes per key, and a table at most half full of 16-byte slots (hash and ordinal)
        assertThat(set.retainedBytes()).isGreaterThan(empty).isGreaterThanOrEqualTo(10_000 * (8 + 2 * 16));
    }

    @Test
    void serializedSetsKeepTheirIdsAndOrdinals()
    {
        IdSet longs = new IdSet();
        IdSet strings = new IdSet();
        Random random = new Random(2);
        for (int i = 0; i < 5_000; i++) {
            long id = random.nextInt(3_000) - 1_500;
            longs.add(id);
            strings.add("u" + id);
        }
        for (IdSet set : new IdSet[] {longs, strings, new IdSet()}) {
            SerialWriter out = new SerialWriter().putByte(1);
            set.write(out);
            byte[] bytes = out.toByteArray();
            IdSet copy = IdSet.read(SerialReader.open(bytes, "test", 1));
            assertThat(copy.size()).isEqualTo(set.size());
            assertThat(copy.kind()).isEqualTo(set.kind());
            // the same ids under the same ordinals: adding them again finds each one
            for (int ordinal = 0; ordinal < set.size(); ordinal++) {
                assertThat(copy.addFrom(set, ordinal)).isEqualTo(ordinal);
            }
            assertThat(copy.size()).isEqualTo(set.size());
            // and it still grows
            int added = set.kind() == IdSet.STRINGS ? copy.add("new") : copy.add(1_000_000L);
            assertThat(added).isEqualTo(set.size());
        }
    }

    @Test
    void addAllIntoAnEmptySetCopiesOrdinalsAndLeavesTheSourceAlone()
    {
        IdSet source = new IdSet();
        for (long id = 100; id > 0; id--) {
            source.add(id * 7);
        }
        IdSet copy = new IdSet();
        copy.addAll(source);
        copy.add(1);
        assertThat(copy.size()).isEqualTo(101);
        assertThat(source.size()).isEqualTo(100);
        for (int ordinal = 0; ordinal < 100; ordinal++) {
            assertThat(copy.longAt(ordinal)).isEqualTo(source.longAt(ordinal)).isEqualTo((100 - ordinal) * 7L);
        }
        // into a set that has members: only the new ids get ordinals, the members keep theirs
        IdSet mixed = new IdSet();
        mixed.add(700);
        mixed.add(-3);
        mixed.addAll(source);
        assertThat(mixed.size()).isEqualTo(101);
        assertThat(mixed.add(700)).isEqualTo(0);
        assertThat(mixed.add(-3)).isEqualTo(1);
        assertThat(mixed.add(7)).isBetween(2, 100);
        assertThat(mixed.size()).isEqualTo(101);
    }

    @Test
    void corruptSerializedSetsFailCleanly()
    {
        // a count of a million ids in a few bytes
        byte[] tooMany = new SerialWriter().putByte(1).putByte(IdSet.LONGS).putInt(1_000_000).putLong(5).toByteArray();
        assertThatThrownBy(() -> IdSet.read(SerialReader.open(tooMany, "test", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
        // a repeated id: the set builds no table when read, so it is found when the set is counted or looked up
        byte[] repeated = new SerialWriter().putByte(1).putByte(IdSet.LONGS).putInt(2).putLong(5).putLong(5).toByteArray();
        assertThatThrownBy(() -> IdSet.read(SerialReader.open(repeated, "test", 1)).size())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt id set: id 1 repeats id 0");
        assertThatThrownBy(() -> IdSet.read(SerialReader.open(repeated, "test", 1)).add(6L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt id set: id 1 repeats id 0");
        byte[] repeatedText = new SerialWriter().putByte(1).putByte(IdSet.STRINGS).putInt(2)
                .putInt(1).putByte('a').putInt(1).putByte('a').toByteArray();
        assertThatThrownBy(() -> IdSet.read(SerialReader.open(repeatedText, "test", 1)).size())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt id set: id 1 repeats id 0");
        // past the small size, the repeat is found when the table is built
        SerialWriter large = new SerialWriter().putByte(1).putByte(IdSet.LONGS).putInt(IdSet.SMALL + 8);
        for (int i = 0; i < IdSet.SMALL + 7; i++) {
            large.putLong(i);
        }
        byte[] repeatedLarge = large.putLong(3).toByteArray();
        assertThatThrownBy(() -> IdSet.read(SerialReader.open(repeatedLarge, "test", 1)).size())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt id set: id " + (IdSet.SMALL + 7) + " repeats id 3");
        // merged into another set, a repeated id counts once: the corrupt input cannot inflate a count
        IdSet merged = new IdSet();
        merged.add(9L);
        merged.addAll(IdSet.read(SerialReader.open(repeated, "test", 1)));
        assertThat(merged.size()).isEqualTo(2);
        byte[] unknownKind = new SerialWriter().putByte(1).putByte(7).putInt(0).toByteArray();
        assertThatThrownBy(() -> IdSet.read(SerialReader.open(unknownKind, "test", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt id set: kind 7");
    }

    /** The inverse of MurmurHash3's finalizer: the multiplicative inverses of its two constants. */
    private static long unhash(long hash)
    {
        long h = hash;
        h ^= h >>> 33;
        h *= 0x9cb4b2f8129337dbL;
        h ^= h >>> 33;
        h *= 0x4f74430c22a54005L;
        h ^= h >>> 33;
        return h;
    }

    @Test
    void aSetReadFromItsBinaryFormTakesAMergeAndTellsItsSize()
    {
        for (boolean strings : new boolean[] {false, true}) {
            for (int size : new int[] {0, 5, 40, 5_000}) {
                IdSet original = new IdSet();
                for (int id = 0; id < size; id++) {
                    add(original, id, strings);
                }
                // read back: no table until the merge builds it
                IdSet target = readBack(original);
                IdSet other = new IdSet();
                for (int id = size / 2; id < size / 2 + size + 3; id++) {
                    add(other, id, strings);
                }
                int[] ordinals = target.addAllOrdinals(other);
                assertThat(target.size()).as("%d ids, strings %s", size, strings).isEqualTo(size / 2 + size + 3);
                java.util.Set<Integer> fresh = new java.util.HashSet<>();
                for (int i = 0; i < ordinals.length; i++) {
                    int id = size / 2 + i;
                    if (id < size) {
                        // the ids of the binary form keep their ordinals, which were their insertion order
                        assertThat(ordinals[i]).isEqualTo(id);
                    }
                    else {
                        assertThat(ordinals[i]).isGreaterThanOrEqualTo(size);
                        assertThat(fresh.add(ordinals[i])).isTrue();
                    }
                }
                SerialWriter out = new SerialWriter();
                target.write(out);
                assertThat((long) out.toByteArray().length).isEqualTo(target.serializedBytes());
            }
        }
        // a repeated id in a binary form is found when a merge builds the table
        for (int size : new int[] {2, 40}) {
            SerialWriter out = new SerialWriter().putByte(1).putByte(IdSet.LONGS).putInt(size);
            for (int i = 0; i < size; i++) {
                out.putLong(i == size - 1 ? 0 : i);
            }
            IdSet corrupt = IdSet.read(SerialReader.open(out.toByteArray(), "test", 1));
            IdSet other = new IdSet();
            for (long id = 100; id < 200; id++) {
                other.add(id);
            }
            assertThatThrownBy(() -> corrupt.addAllOrdinals(other))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("corrupt id set: id " + (size - 1) + " repeats id 0");
        }
    }

    private static void add(IdSet set, long id, boolean string)
    {
        if (string) {
            set.add("id-" + id);
        }
        else {
            set.add(id);
        }
    }

    private static IdSet readBack(IdSet set)
    {
        SerialWriter out = new SerialWriter().putByte(1);
        set.write(out);
        return IdSet.read(SerialReader.open(out.toByteArray(), "test", 1));
    }
}
