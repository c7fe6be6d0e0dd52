package dev.kpisql.calcite;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import dev.kpisql.udfs.catalog.Kind;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;

import java.util.Locale;

/**
 * The catalog's functions as Calcite schema functions, one per concrete signature, named in
 * upper case so that an unquoted {@code nps(score)} finds them under Calcite's default lexical
 * rules, and any case does in a case-insensitive connection.
 *
 * <p>To add the KPI functions to an existing Calcite connection, one call:
 * <pre>{@code
 * KpiFunctions.register(connection.unwrap(CalciteConnection.class).getRootSchema());
 * }</pre>
 */
public final class KpiFunctions
{
    private static final Multimap<String, Function> FUNCTIONS = build();

    private KpiFunctions() {}

    /** Adds every KPI function to {@code schema}; functions of the root schema need no qualifier. */
    public static SchemaPlus register(SchemaPlus schema)
    {
        FUNCTIONS.forEach(schema::add);
        return schema;
    }

    /** Every signature by its registered name, for schemas that list their own functions. */
    public static Multimap<String, Function> all()
    {
        return FUNCTIONS;
    }

    private static Multimap<String, Function> build()
    {
        ImmutableMultimap.Builder<String, Function> functions = ImmutableMultimap.builder();
        for (KpiSignature signature : KpiRuntime.signatures()) {
            String name = signature.function().name().toUpperCase(Locale.ROOT);
            functions.put(name, signature.function().kind() == Kind.AGGREGATE
                    ? new KpiAggFunction(signature)
                    : new KpiScalarFunction(signature));
        }
        return functions.build();
    }
}
