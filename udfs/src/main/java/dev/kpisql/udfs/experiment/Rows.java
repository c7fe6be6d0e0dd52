package dev.kpisql.udfs.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A ROW result as the core hands it to engines: field name to value, in the catalog's field order. */
public final class Rows
{
    private Rows() {}

    /**
     * {@code of("rate", 50.0, "lower", 40.1, "upper", 59.9)}: names and values alternate; a value
     * may be null (a NULL field).
     */
    public static Map<String, Object> of(Object... namesAndValues)
    {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values alternate");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(row);
    }
}
