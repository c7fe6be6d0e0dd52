package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Values;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A mutable, mergeable {@code welch_t_test(value, variant, control[, confidence[, alternative]])}:
 * each variant's count, mean and sum of squared deviations ({@link Moments}). Not thread-safe.
 */
public final class WelchTestAccumulator
        extends TwoArmAccumulator
{
    private final Moments[] arms = {new Moments(), new Moments()};

    public WelchTestAccumulator()
    {
        super(WelchTest.T_TEST);
    }

    public void add(double value, long variant, long control)
    {
        record(arm(variant, control), value);
    }

    public void add(double value, boolean variant, boolean control)
    {
        record(arm(variant, control), value);
    }

    /** A row whose VARCHAR variant and control are given as UTF-8 bytes. */
    public void add(double value, byte[] variant, int variantOffset, int variantLength, byte[] control, int controlOffset, int controlLength)
    {
        record(arm(variant, variantOffset, variantLength, control, controlOffset, controlLength), value);
    }

    @Override
    public void add(Object... arguments)
    {
        record(boxedArm(arguments), Values.asDouble(arguments[0]));
    }

    private void record(int slot, double value)
    {
        arms[slot].add(function(), Check.finite(function(), "value", value));
    }

    @Override
    protected void mergeArm(int slot, TwoArmAccumulator other, int otherSlot)
    {
        arms[slot].merge(function(), ((WelchTestAccumulator) other).arms[otherSlot]);
    }

    @Override
    protected Map<String, Object> result(int control, int treatment, double confidence, Alternative alternative)
    {
        Moments c = arms[control];
        Moments t = arms[treatment];
        return WelchTest.result(function(), c.mean(), c.variance(function()), c.count(), t.mean(), t.variance(function()), t.count(),
                Moments.difference(t, c), confidence, alternative);
    }

    public static WelchTestAccumulator deserialize(byte[] bytes)
    {
        return deserialize(bytes, WelchTestAccumulator::new);
    }

    @Override
    protected long armRetainedBytes()
    {
        return 16 + 8 * 5;
    }

    @Override
    protected int armSerializedBytes()
    {
        return Moments.SERIALIZED_BYTES;
    }

    @Override
    protected void writeArm(ByteBuffer out, int slot)
    {
        arms[slot].write(out);
    }

    @Override
    protected void readArm(ByteBuffer in, int slot)
    {
        arms[slot].read(in);
    }
}
