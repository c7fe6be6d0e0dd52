package dev.kpisql.calcite.csv;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

final class ColumnCacheTest
{
    private static final ColumnCache.FileState STATE = new ColumnCache.FileState(100, FileTime.fromMillis(1_000));

    private static List<ColumnBatch> batches()
    {
        return List.of(new ColumnBatch(List.of(CsvType.BIGINT), 1));
    }

    @Test
    void aTableIsServedOnlyWhileItsFileHasTheSameSizeAndModificationTime()
    {
        ColumnCache cache = new ColumnCache(1_000);
        List<ColumnBatch> batches = batches();
        cache.put(Path.of("a.csv"), STATE, batches, 10);

        assertThat(cache.get(Path.of("a.csv"), STATE)).isEqualTo(batches);
        assertThat(cache.get(Path.of("b.csv"), STATE)).isNull();
        assertThat(cache.get(Path.of("a.csv"), new ColumnCache.FileState(101, STATE.modified()))).isNull();
        // a stale entry is dropped
        assertThat(cache.get(Path.of("a.csv"), STATE)).isNull();
        cache.put(Path.of("a.csv"), STATE, batches, 10);
        assertThat(cache.get(Path.of("a.csv"), new ColumnCache.FileState(100, FileTime.fromMillis(2_000)))).isNull();
    }

    @Test
    void theLeastRecentlyUsedTablesGoToMakeRoomAndATableOverTheBudgetIsNotKept()
    {
        ColumnCache cache = new ColumnCache(100);
        cache.put(Path.of("a.csv"), STATE, batches(), 40);
        cache.put(Path.of("b.csv"), STATE, batches(), 40);
        assertThat(cache.get(Path.of("a.csv"), STATE)).isNotNull();
        cache.put(Path.of("c.csv"), STATE, batches(), 40);

        assertThat(cache.get(Path.of("b.csv"), STATE)).isNull();
        assertThat(cache.get(Path.of("a.csv"), STATE)).isNotNull();
        assertThat(cache.get(Path.of("c.csv"), STATE)).isNotNull();
        cache.put(Path.of("d.csv"), STATE, batches(), 101);
        assertThat(cache.get(Path.of("d.csv"), STATE)).isNull();
        assertThat(cache.admits(100)).isTrue();
        assertThat(cache.admits(101)).isFalse();
    }

    @Test
    void theBudgetIsAThirdOfTheMaximumHeap()
    {
        assertThat(new ColumnCache().budget()).isEqualTo((long) (Runtime.getRuntime().maxMemory() / 3.0));
    }
}
