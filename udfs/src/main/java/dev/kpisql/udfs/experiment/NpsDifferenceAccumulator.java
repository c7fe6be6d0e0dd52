package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.Values;
import dev.kpisql.udfs.survey.Nps;
import dev.kpisql.udfs.survey.NpsState;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A mutable, mergeable {@code nps_difference_test(score, variant, control[, confidence[, alternative]])}:
 * each variant's promoters, passives and detractors, counted and validated by {@link Nps} as
 * {@code nps} does. Not thread-safe.
 */
public final class NpsDifferenceAccumulator
        extends TwoArmAccumulator
{
    private final Counts[] arms = {new Counts(), new Counts()};

    public NpsDifferenceAccumulator()
    {
        super(NpsDifferenceTest.NPS_DIFFERENCE);
    }

    public void add(long score, long variant, long control)
    {
        Nps.add(arms[arm(variant, control)], function(), score);
    }

    public void add(long score, boolean variant, boolean control)
    {
        Nps.add(arms[arm(variant, control)], function(), score);
    }

    public void add(long score, byte[] variant, int variantOffset, int variantLength, byte[] control, int controlOffset, int controlLength)
    {
        Nps.add(arms[arm(variant, variantOffset, variantLength, control, controlOffset, controlLength)], function(), score);
    }

    public void add(double score, long variant, long control)
    {
        Nps.add(arms[arm(variant, control)], function(), score);
    }

    public void add(double score, boolean variant, boolean control)
    {
        Nps.add(arms[arm(variant, control)], function(), score);
    }

    public void add(double score, byte[] variant, int variantOffset, int variantLength, byte[] control, int controlOffset, int controlLength)
    {
        Nps.add(arms[arm(variant, variantOffset, variantLength, control, controlOffset, controlLength)], function(), score);
    }

    @Override
    public void add(Object... arguments)
    {
        Counts arm = arms[boxedArm(arguments)];
        Object score = arguments[0];
        if (Values.isIntegral(score)) {
            Nps.add(arm, function(), Values.asLong(score));
        }
        else {
            Nps.add(arm, function(), Values.asDouble(score));
        }
    }

    @Override
    protected void mergeArm(int slot, TwoArmAccumulator other, int otherSlot)
    {
        Nps.merge(arms[slot], ((NpsDifferenceAccumulator) other).arms[otherSlot], function());
    }

    @Override
    protected Map<String, Object> result(int control, int treatment, double confidence, Alternative alternative)
    {
        Counts c = arms[control];
        Counts t = arms[treatment];
        // an arm's total cannot overflow: it counts rows, and Nps checks each category
        Nps.responses(c, function());
        Nps.responses(t, function());
        return NpsDifferenceTest.result(c.promoters, c.passives, c.detractors, t.promoters, t.passives, t.detractors, confidence, alternative);
    }

    public static NpsDifferenceAccumulator deserialize(byte[] bytes)
    {
        return deserialize(bytes, NpsDifferenceAccumulator::new);
    }

    @Override
    protected long armRetainedBytes()
    {
        return 16 + 8 * 3;
    }

    @Override
    protected int armSerializedBytes()
    {
        return 24;
    }

    @Override
    protected void writeArm(ByteBuffer out, int slot)
    {
        Counts arm = arms[slot];
        out.putLong(arm.promoters).putLong(arm.passives).putLong(arm.detractors);
    }

    @Override
    protected void readArm(ByteBuffer in, int slot)
    {
        Counts arm = arms[slot];
        arm.promoters = in.getLong();
        arm.passives = in.getLong();
        arm.detractors = in.getLong();
        if (arm.promoters < 0 || arm.passives < 0 || arm.detractors < 0) {
            throw new IllegalArgumentException("corrupt serialized " + function() + " state: a negative count");
        }
    }

    /** One arm's answers by category. */
    private static final class Counts
            implements NpsState
    {
        private long promoters;
        private long passives;
        private long detractors;

        @Override
        public long getPromoters()
        {
            return promoters;
        }

        @Override
        public void setPromoters(long value)
        {
            promoters = value;
        }

        @Override
        public long getPassives()
        {
            return passives;
        }

        @Override
        public void setPassives(long value)
        {
            passives = value;
        }

        @Override
        public long getDetractors()
        {
            return detractors;
        }

        @Override
        public void setDetractors(long value)
        {
            detractors = value;
        }
    }
}
