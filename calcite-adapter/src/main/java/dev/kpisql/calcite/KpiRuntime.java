package dev.kpisql.calcite;

import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entry points that Calcite's generated code calls: it knows a signature by its index in
 * {@link #signatures()} and hands over each row's values boxed. Everything here delegates to the
 * core.
 */
public final class KpiRuntime
{
    private static final List<KpiSignature> SIGNATURES = build();

    private KpiRuntime() {}

    /** Every concrete signature of every catalog overload, in catalog order. */
    public static List<KpiSignature> signatures()
    {
        return SIGNATURES;
    }

    public static KpiAccumulator accumulator(int signature)
    {
        return SIGNATURES.get(signature).newAccumulator();
    }

    /** Adds one row whose values are all non-null. */
    public static void add(KpiAccumulator accumulator, int signature, Object[] values)
    {
        accumulator.add(SIGNATURES.get(signature).internal(values));
    }

    public static Object result(KpiAccumulator accumulator)
    {
        return engineValue(accumulator.result());
    }

    /** A scalar call: NULL when any argument is NULL. */
    public static Object scalar(int signature, Object[] values)
    {
        for (Object value : values) {
            if (value == null) {
                return null;
            }
        }
        KpiSignature call = SIGNATURES.get(signature);
        return engineValue(call.overload().scalar().apply(call.internal(values)));
    }

    /**
     * The core's answer as Calcite holds it: a ROW (the core's map of field to value, in the
     * catalog's field order) is an {@code Object[]} of the field values, which JDBC hands out as
     * a {@link java.sql.Struct}; an ARRAY(INTEGER) a List of Integers; anything else unchanged.
     */
    static Object engineValue(Object value)
    {
        if (value instanceof Map<?, ?> row) {
            return row.values().toArray();
        }
        if (value instanceof List<?> elements) {
            // an ARRAY(INTEGER) answer: Calcite holds its elements as Integers, the core as Longs
            List<Integer> integers = new ArrayList<>(elements.size());
            for (Object element : elements) {
                integers.add(Math.toIntExact((Long) element));
            }
            return integers;
        }
        return value;
    }

    private static List<KpiSignature> build()
    {
        List<KpiSignature> signatures = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                for (List<SqlType> types : overload.sqlSignatures()) {
                    signatures.add(new KpiSignature(signatures.size(), function, overload, types));
                }
            }
        }
        return List.copyOf(signatures);
    }
}
