package dev.kpisql.udfs.distinct;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HyperLogLogTest
{
    @Test
    void emptySketchEstimatesZero()
    {
        assertThat(new HyperLogLog(12).estimate()).isZero();
    }

    @Test
    void smallSetsAreExactWhileSparse()
    {
        HyperLogLog sketch = new HyperLogLog(16);
        for (long i = 0; i < 4096; i++) {
            sketch.add(Hashes.mix64(i));
            sketch.add(Hashes.mix64(i));
        }
        assertThat(sketch.isSparse()).isTrue();
        assertThat(sketch.estimate()).isEqualTo(4096.0);
        sketch.add(Hashes.mix64(4096));
        assertThat(sketch.isSparse()).isFalse();
        assertThat(sketch.estimate()).isCloseTo(4097.0, within(4097 * 0.02));
    }

    @Test
    void denseEstimatesStayWithinFourStandardErrors()
    {
        // p = 12: relative standard error 1.04 / 64 = 1.6 %; 4 × that is 6.5 %
        for (long n : new long[] {300, 1_000, 3_000, 10_000, 100_000, 1_000_000}) {
            HyperLogLog sketch = new HyperLogLog(12);
            for (long i = 0; i < n; i++) {
                sketch.add(Hashes.mix64(i * 1_000_003 + n));
            }
            assertThat(sketch.estimate()).as("n = %d", n).isCloseTo(n, within(n * 0.065));
        }
    }

    @Test
    void mergeIsTheSketchOfTheUnion()
    {
        Random random = new Random(5);
        HyperLogLog whole = new HyperLogLog(10);
        HyperLogLog left = new HyperLogLog(10);
        HyperLogLog right = new HyperLogLog(10);
        for (int i = 0; i < 50_000; i++) {
            long hash = Hashes.mix64(random.nextInt(30_000));
            whole.add(hash);
            (i % 3 == 0 ? left : right).add(hash);
        }
        left.merge(right);
        assertThat(left.estimate()).isEqualTo(whole.estimate());
        left.merge(left);
        assertThat(left.estimate()).isEqualTo(whole.estimate());
        assertThatThrownBy(() -> left.merge(new HyperLogLog(11))).hasMessage("cannot merge sketches of precision 10 and 11");
    }

    @Test
    void sparseAndDenseRoundTrip()
    {
        for (int n : new int[] {0, 10, 5000}) {
            HyperLogLog sketch = new HyperLogLog(14);
            for (long i = 0; i < n; i++) {
                sketch.add(Hashes.mix64(i));
            }
            SerialWriter out = new SerialWriter().putByte(1);
            sketch.write(out);
            HyperLogLog copy = HyperLogLog.read(SerialReader.open(out.toByteArray(), "test", 1));
            assertThat(copy.isSparse()).isEqualTo(sketch.isSparse());
            assertThat(copy.estimate()).isEqualTo(sketch.estimate());
            // packed registers: 6 bits each
            if (!sketch.isSparse()) {
                assertThat(out.toByteArray()).hasSize(1 + 2 + (1 << 14) * 6 / 8);
            }
        }
    }
}
