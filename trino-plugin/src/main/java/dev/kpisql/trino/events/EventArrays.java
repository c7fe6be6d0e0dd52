package dev.kpisql.trino.events;

import io.trino.spi.block.Block;

import static io.trino.spi.type.BooleanType.BOOLEAN;

/**
 * An ARRAY(BOOLEAN) argument as the core takes it: the bits of its TRUE elements (a NULL element
 * is false) and its length, which the core checks (1 to 32).
 */
final class EventArrays
{
    private static final int MAX = 32;

    private EventArrays() {}

    static int bits(Block flags)
    {
        int bits = 0;
        int size = Math.min(flags.getPositionCount(), MAX);
        for (int i = 0; i < size; i++) {
            if (!flags.isNull(i) && BOOLEAN.getBoolean(flags, i)) {
                bits |= 1 << i;
            }
        }
        return bits;
    }
}
