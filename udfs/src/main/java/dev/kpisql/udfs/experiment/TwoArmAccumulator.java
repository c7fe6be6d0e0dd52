package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.Values;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The common part of the two-arm tests ({@code two_proportion_z_test}, {@code welch_t_test},
 * {@code nps_difference_test}): the group's {@link Variants}, its confidence level and
 * alternative (each the same in every row, contract E3), merging, and a versioned binary form
 * that engines ship between workers. A subclass keeps one arm's statistics per variant slot.
 *
 * <p>Each row names its variant and the control; {@code arm(…)} checks the control and returns
 * the slot of the row's variant. The result is NULL unless the group holds exactly two variants
 * and one of them is the control (contract E2).
 */
public abstract class TwoArmAccumulator
        implements KpiAccumulator
{
    private static final byte VERSION = 1;

    private final String function;
    private final Variants variants;
    private double confidence;
    private Alternative alternative;

    protected TwoArmAccumulator(String function)
    {
        this.function = requireNonNull(function, "function");
        this.variants = new Variants(function);
    }

    public final String function()
    {
        return function;
    }

    /** A row's confidence level (E3): validated, and the same in every row of the group. */
    public final void confidence(double value)
    {
        confidence = Parameters.sameConfidence(function, confidence, Parameters.confidence(function, value));
    }

    /** A row's alternative (E3): 'two-sided', 'greater' or 'less', the same in every row. */
    public final void alternative(String text)
    {
        alternative = Parameters.sameAlternative(function, alternative, Alternative.parse(function, text));
    }

    public final void alternative(byte[] bytes, int offset, int length)
    {
        alternative = Parameters.sameAlternative(function, alternative, Alternative.parse(function, bytes, offset, length));
    }

    /** The slot of a row with a BIGINT variant and control. */
    protected final int arm(long variant, long control)
    {
        variants.control(control);
        return variants.slot(variant);
    }

    protected final int arm(boolean variant, boolean control)
    {
        variants.control(control);
        return variants.slot(variant);
    }

    /** The slot of a row with a VARCHAR variant and control, given as UTF-8 bytes. */
    protected final int arm(byte[] variant, int variantOffset, int variantLength, byte[] control, int controlOffset, int controlLength)
    {
        variants.control(control, controlOffset, controlLength);
        return variants.slot(variant, variantOffset, variantLength);
    }

    /**
     * The boxed form of a row, {@code (value, variant, control[, confidence[, alternative]])}:
     * sets the parameters the row has and returns the slot of its variant (a String, Long or
     * Boolean, as the catalog's internal values are).
     */
    protected final int boxedArm(Object[] arguments)
    {
        if (arguments.length > 3) {
            confidence(Values.asDouble(arguments[3]));
        }
        if (arguments.length > 4) {
            alternative((String) arguments[4]);
        }
        Object variant = arguments[1];
        Object control = arguments[2];
        if (variant instanceof String text) {
            byte[] variantBytes = text.getBytes(StandardCharsets.UTF_8);
            byte[] controlBytes = ((String) control).getBytes(StandardCharsets.UTF_8);
            return arm(variantBytes, 0, variantBytes.length, controlBytes, 0, controlBytes.length);
        }
        if (variant instanceof Boolean flag) {
            return arm(flag, (Boolean) control);
        }
        return arm(Values.asLong(variant), Values.asLong(control));
    }

    /** Folds another part of the same test into this one; the other is left unchanged. */
    public final void merge(TwoArmAccumulator other)
    {
        confidence = Parameters.sameConfidence(function, confidence, other.confidence);
        alternative = Parameters.sameAlternative(function, alternative, other.alternative);
        int[] slots = variants.merge(other.variants);
        for (int j = 0; j < slots.length; j++) {
            mergeArm(slots[j], other, j);
        }
    }

    @Override
    public final void merge(KpiAccumulator other)
    {
        merge((TwoArmAccumulator) other);
    }

    /** The test's ROW, or null unless the group holds the control and one treatment. */
    @Override
    public final Map<String, Object> result()
    {
        int control = variants.controlSlot();
        if (control < 0) {
            return null;
        }
        return result(control, 1 - control, Parameters.confidenceOrDefault(confidence), Parameters.alternativeOrDefault(alternative));
    }

    /** The number of distinct variants seen, 0 to 2. */
    public final int variantCount()
    {
        return variants.size();
    }

    /** Heap bytes held, for an engine's memory accounting. */
    public final long retainedBytes()
    {
        return 16 + 8 * 6 + variants.retainedBytes() + 2 * armRetainedBytes();
    }

    /** The versioned binary form: version 1, the variants, confidence, alternative, then each arm. */
    public final byte[] serialize()
    {
        ByteBuffer out = ByteBuffer.allocate(1 + variants.serializedSize() + 8 + 1 + variants.size() * armSerializedBytes());
        out.put(VERSION);
        variants.write(out);
        out.putDouble(confidence);
        out.put(alternative == null ? 0 : (byte) (alternative.ordinal() + 1));
        for (int slot = 0; slot < variants.size(); slot++) {
            writeArm(out, slot);
        }
        return out.array();
    }

    /** Reads {@link #serialize}'s form into a new accumulator; malformed input is an IllegalArgumentException. */
    public static <T extends TwoArmAccumulator> T deserialize(byte[] bytes, Supplier<T> factory)
    {
        T created = factory.get();
        TwoArmAccumulator accumulator = created;
        String what = accumulator.function;
        if (bytes == null || bytes.length == 0 || bytes[0] != VERSION) {
            throw new IllegalArgumentException("serialized " + what + " state has an unknown version");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        try {
            accumulator.variants.read(in);
            accumulator.confidence = in.getDouble();
            byte alternative = in.get();
            if (alternative < 0 || alternative > Alternative.values().length) {
                throw new IllegalArgumentException("corrupt serialized " + what + " state: alternative " + alternative);
            }
            accumulator.alternative = alternative == 0 ? null : Alternative.values()[alternative - 1];
            for (int slot = 0; slot < accumulator.variants.size(); slot++) {
                accumulator.readArm(in, slot);
            }
        }
        catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("corrupt serialized " + what + " state: truncated", e);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("corrupt serialized " + what + " state: " + in.remaining() + " trailing bytes");
        }
        return created;
    }

    /** Adds another part's arm {@code otherSlot} to this part's arm {@code slot}. */
    protected abstract void mergeArm(int slot, TwoArmAccumulator other, int otherSlot);

    /** The ROW of the test, given the slots of the control and the treatment. */
    protected abstract Map<String, Object> result(int control, int treatment, double confidence, Alternative alternative);

    protected abstract long armRetainedBytes();

    protected abstract int armSerializedBytes();

    protected abstract void writeArm(ByteBuffer out, int slot);

    protected abstract void readArm(ByteBuffer in, int slot);
}
