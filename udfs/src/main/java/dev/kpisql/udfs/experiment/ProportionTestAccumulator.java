package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.Values;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A mutable, mergeable {@code two_proportion_z_test(converted, variant, control[, confidence[, alternative]])}:
 * the rows and conversions of each variant, exact 64-bit. Not thread-safe.
 */
public final class ProportionTestAccumulator
        extends TwoArmAccumulator
{
    private final long[] trials = new long[2];
    private final long[] successes = new long[2];

    public ProportionTestAccumulator()
    {
        super(ProportionTest.Z_TEST);
    }

    public void add(boolean converted, long variant, long control)
    {
        record(arm(variant, control), converted);
    }

    public void add(boolean converted, boolean variant, boolean control)
    {
        record(arm(variant, control), converted);
    }

    /** A row whose VARCHAR variant and control are given as UTF-8 bytes. */
    public void add(boolean converted, byte[] variant, int variantOffset, int variantLength, byte[] control, int controlOffset, int controlLength)
    {
        record(arm(variant, variantOffset, variantLength, control, controlOffset, controlLength), converted);
    }

    @Override
    public void add(Object... arguments)
    {
        record(boxedArm(arguments), Values.asBoolean(arguments[0]));
    }

    private void record(int slot, boolean converted)
    {
        trials[slot] = Counts.increment(function(), "rows", trials[slot]);
        if (converted) {
            successes[slot] = Counts.increment(function(), "conversions", successes[slot]);
        }
    }

    @Override
    protected void mergeArm(int slot, TwoArmAccumulator other, int otherSlot)
    {
        ProportionTestAccumulator part = (ProportionTestAccumulator) other;
        trials[slot] = Counts.add(function(), "rows", trials[slot], part.trials[otherSlot]);
        successes[slot] = Counts.add(function(), "conversions", successes[slot], part.successes[otherSlot]);
    }

    @Override
    protected Map<String, Object> result(int control, int treatment, double confidence, Alternative alternative)
    {
        return ProportionTest.result(successes[control], trials[control], successes[treatment], trials[treatment], confidence, alternative);
    }

    public static ProportionTestAccumulator deserialize(byte[] bytes)
    {
        return deserialize(bytes, ProportionTestAccumulator::new);
    }

    @Override
    protected long armRetainedBytes()
    {
        return 16 + 16;
    }

    @Override
    protected int armSerializedBytes()
    {
        return 16;
    }

    @Override
    protected void writeArm(ByteBuffer out, int slot)
    {
        out.putLong(trials[slot]).putLong(successes[slot]);
    }

    @Override
    protected void readArm(ByteBuffer in, int slot)
    {
        trials[slot] = in.getLong();
        successes[slot] = in.getLong();
        if (trials[slot] < 0 || successes[slot] < 0 || successes[slot] > trials[slot]) {
            throw new IllegalArgumentException("corrupt serialized " + function() + " state: " + successes[slot] + " conversions of " + trials[slot] + " rows");
        }
    }
}
