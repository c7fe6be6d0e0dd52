package dev.kpisql.udfs.experiment;

import dev.kpisql.udfs.KpiException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The variants of one group of a two-arm test (contract E2): the control value, the same in
 * every row, and the distinct variant values seen, at most two, each in a slot (0 or 1, in the
 * order they were first seen) that the test's statistics are kept under. A third distinct
 * value is an error that names three values in sorted order, whether it arrives in a row or in
 * a merge; the group has a test only when it holds two variants and one of them is the control.
 *
 * <p>A variant is VARCHAR (kept as its UTF-8 bytes, compared without decoding), BIGINT or
 * BOOLEAN; one group holds one type, as one SQL signature does.
 */
final class Variants
{
    private static final byte NONE = 0;
    private static final byte BIGINT = 1;
    private static final byte BOOLEAN = 2;
    private static final byte VARCHAR = 3;
    /** The most bytes besides the control's own an array may hold to be remembered. */
    private static final int REMEMBERED_SLACK_BYTES = 64;

    private final String function;
    private byte kind = NONE;
    private int size;
    private final long[] keys = new long[2];
    private final byte[][] texts = new byte[2][];
    private boolean hasControl;
    private long controlKey;
    private byte[] controlText;
    /**
     * Where the last row's VARCHAR control was read from, once it was found equal to
     * {@link #controlText}: a constant control arrives as the same bytes in every row, so the
     * next row at the same array, offset and length needs no compare. Engines hand over bytes
     * they never change afterwards (Trino's blocks and slices are immutable). Only an array that
     * holds little more than the label is remembered (a constant's own bytes), so a state never
     * keeps a whole page of another column's text alive.
     */
    private byte[] lastControlBytes;
    private int lastControlOffset;
    /** The two arrays of keys and texts, and the texts held. */
    private long retainedBytes = 2 * 24 + 16 + 16;

    Variants(String function)
    {
        this.function = requireNonNull(function, "function");
    }

    /** The slot of a BIGINT variant, taking a free slot for a new value. */
    int slot(long variant)
    {
        kind(BIGINT);
        for (int i = 0; i < size; i++) {
            if (keys[i] == variant) {
                return i;
            }
        }
        return add(variant, null);
    }

    int slot(boolean variant)
    {
        kind(BOOLEAN);
        long key = variant ? 1 : 0;
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        return add(key, null);
    }

    /** The slot of a VARCHAR variant given as UTF-8 bytes; the bytes are copied only for a new value. */
    int slot(byte[] bytes, int offset, int length)
    {
        kind(VARCHAR);
        for (int i = 0; i < size; i++) {
            if (same(texts[i], bytes, offset, length)) {
                return i;
            }
        }
        return add(0, Arrays.copyOfRange(bytes, offset, offset + length));
    }

    void control(long control)
    {
        kind(BIGINT);
        if (!hasControl) {
            hasControl = true;
            controlKey = control;
        }
        else if (controlKey != control) {
            throw controlChanged(display(BIGINT, controlKey, null), display(BIGINT, control, null), Long.compare(controlKey, control));
        }
    }

    void control(boolean control)
    {
        kind(BOOLEAN);
        long key = control ? 1 : 0;
        if (!hasControl) {
            hasControl = true;
            controlKey = key;
        }
        else if (controlKey != key) {
            throw controlChanged(display(BOOLEAN, controlKey, null), display(BOOLEAN, key, null), Long.compare(controlKey, key));
        }
    }

    void control(byte[] bytes, int offset, int length)
    {
        if (bytes == lastControlBytes && offset == lastControlOffset && length == controlText.length) {
            return;
        }
        kind(VARCHAR);
        if (!hasControl) {
            hasControl = true;
            controlText = Arrays.copyOfRange(bytes, offset, offset + length);
            retain(controlText);
        }
        else if (!same(controlText, bytes, offset, length)) {
            String current = new String(controlText, StandardCharsets.UTF_8);
            String next = new String(bytes, offset, length, StandardCharsets.UTF_8);
            throw controlChanged(quote(current), quote(next), current.compareTo(next));
        }
        if (bytes.length - length <= REMEMBERED_SLACK_BYTES) {
            lastControlBytes = bytes;
            lastControlOffset = offset;
        }
    }

    /**
     * Whether {@code text} holds the {@code length} bytes at {@code offset}. Labels are short, so
     * a length check and a plain loop: the range {@code Arrays.equals} spent most of its time in
     * setting up its vectorized mismatch (22 % of a profiled {@code welch_t_test}).
     */
    static boolean same(byte[] text, byte[] bytes, int offset, int length)
    {
        if (text.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[i] != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** The slot of the control when the group holds two variants and one is the control, else -1. */
    int controlSlot()
    {
        if (size != 2 || !hasControl) {
            return -1;
        }
        for (int i = 0; i < 2; i++) {
            if (kind == VARCHAR ? Arrays.equals(texts[i], controlText) : keys[i] == controlKey) {
                return i;
            }
        }
        return -1;
    }

    int size()
    {
        return size;
    }

    /**
     * Folds another part's variants into these and returns, for each of its slots, the slot its
     * statistics belong to here.
     */
    int[] merge(Variants other)
    {
        if (other.kind == NONE) {
            return new int[0];
        }
        kind(other.kind);
        if (other.hasControl) {
            if (kind == VARCHAR) {
                control(other.controlText, 0, other.controlText.length);
            }
            else if (kind == BIGINT) {
                control(other.controlKey);
            }
            else {
                control(other.controlKey == 1);
            }
        }
        int[] slots = new int[other.size];
        // every value both parts hold, to name the three smallest if there are more than two
        for (int j = 0; j < other.size; j++) {
            int found = find(other.keys[j], other.texts[j]);
            if (found < 0 && size == 2) {
                List<String> all = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    all.add(sortKey(i));
                }
                for (int k = j; k < other.size; k++) {
                    if (find(other.keys[k], other.texts[k]) < 0) {
                        all.add(other.sortKey(k));
                    }
                }
                throw thirdVariant(all);
            }
            slots[j] = found >= 0 ? found : add(other.keys[j], other.texts[j]);
        }
        return slots;
    }

    /** Heap bytes beyond the instance, for memory accounting; kept as labels arrive, since engines ask after every row. */
    long retainedBytes()
    {
        return retainedBytes;
    }

    private void retain(byte[] text)
    {
        retainedBytes += text == null ? 0 : 16 + text.length;
    }

    /** Bytes that {@link #write} takes. */
    int serializedSize()
    {
        int bytes = 1 + 1 + 1;
        if (hasControl) {
            bytes += kind == VARCHAR ? 4 + controlText.length : 8;
        }
        for (int i = 0; i < size; i++) {
            bytes += kind == VARCHAR ? 4 + texts[i].length : 8;
        }
        return bytes;
    }

    void write(ByteBuffer out)
    {
        out.put(kind);
        out.put((byte) (hasControl ? 1 : 0));
        if (hasControl) {
            writeValue(out, controlKey, controlText);
        }
        out.put((byte) size);
        for (int i = 0; i < size; i++) {
            writeValue(out, keys[i], texts[i]);
        }
    }

    /** Reads what {@link #write} wrote; the caller has checked the state's version. */
    void read(ByteBuffer in)
    {
        byte readKind = in.get();
        if (readKind < NONE || readKind > VARCHAR) {
            throw new IllegalArgumentException("corrupt serialized " + function + " state: unknown variant type " + readKind);
        }
        kind = readKind;
        hasControl = in.get() == 1;
        if (hasControl) {
            if (kind == VARCHAR) {
                controlText = readText(in);
                retain(controlText);
            }
            else {
                controlKey = in.getLong();
            }
        }
        int count = in.get();
        if (count < 0 || count > 2) {
            throw new IllegalArgumentException("corrupt serialized " + function + " state: " + count + " variants");
        }
        size = count;
        for (int i = 0; i < size; i++) {
            if (kind == VARCHAR) {
                texts[i] = readText(in);
                retain(texts[i]);
            }
            else {
                keys[i] = in.getLong();
            }
        }
    }

    private static byte[] readText(ByteBuffer in)
    {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("corrupt serialized state: a variant of " + length + " bytes");
        }
        byte[] text = new byte[length];
        in.get(text);
        return text;
    }

    private void writeValue(ByteBuffer out, long key, byte[] text)
    {
        if (kind == VARCHAR) {
            out.putInt(text.length);
            out.put(text);
        }
        else {
            out.putLong(key);
        }
    }

    private int find(long key, byte[] text)
    {
        for (int i = 0; i < size; i++) {
            if (kind == VARCHAR ? Arrays.equals(texts[i], text) : keys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    private int add(long key, byte[] text)
    {
        if (size == 2) {
            List<String> all = new ArrayList<>(List.of(sortKey(0), sortKey(1)));
            Variants probe = new Variants(function);
            probe.kind = kind;
            probe.keys[0] = key;
            probe.texts[0] = text;
            all.add(probe.sortKey(0));
            throw thirdVariant(all);
        }
        keys[size] = key;
        texts[size] = text;
        retain(text);
        return size++;
    }

    private void kind(byte wanted)
    {
        if (kind == NONE) {
            kind = wanted;
        }
        else if (kind != wanted) {
            throw new IllegalStateException(function + ": one group mixes variant types " + kind + " and " + wanted);
        }
    }

    /**
     * A value as the message shows it and in an order that sorts it: numbers numerically, text as
     * text. The sort key of a BIGINT is its offset binary form, so that string order is number
     * order; {@link #shown} strips it.
     */
    private String sortKey(int slot)
    {
        if (kind == VARCHAR) {
            return "T" + new String(texts[slot], StandardCharsets.UTF_8);
        }
        return String.format("N%016x%s", keys[slot] ^ Long.MIN_VALUE, display(kind, keys[slot], null));
    }

    private static String shown(String sortKey)
    {
        return sortKey.charAt(0) == 'T' ? quote(sortKey.substring(1)) : sortKey.substring(17);
    }

    private KpiException thirdVariant(List<String> sortKeys)
    {
        List<String> sorted = sortKeys.stream().sorted(Comparator.naturalOrder()).limit(3).map(Variants::shown).toList();
        return KpiException.invalid(function, "variant has more than two values: " + sorted.get(0) + ", " + sorted.get(1) + " and " + sorted.get(2)
                + "; a test compares one treatment with the control");
    }

    private KpiException controlChanged(String a, String b, int order)
    {
        return KpiException.invalid(function, "control must be constant within a group, got " + (order < 0 ? a : b) + " and " + (order < 0 ? b : a));
    }

    private static String display(byte kind, long key, byte[] text)
    {
        return switch (kind) {
            case BOOLEAN -> key == 1 ? "true" : "false";
            case VARCHAR -> quote(new String(text, StandardCharsets.UTF_8));
            default -> Long.toString(key);
        };
    }

    private static String quote(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
