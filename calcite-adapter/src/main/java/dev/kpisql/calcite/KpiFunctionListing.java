package dev.kpisql.calcite;

import dev.kpisql.udfs.catalog.Argument;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.schema.FunctionParameter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The embedded engine's functions as clients discover them: one entry per registered signature
 * of every catalog function ({@link KpiRuntime#signatures()}, e.g. {@code nps(bigint)} and
 * {@code nps(double)}), with the catalog's description and argument names, and the types spelled
 * as Trino spells them ({@link TrinoTypeNames}) from the Calcite types the engine registers. It is
 * built from the catalog alone, so a function added to the core is listed without a line here,
 * whatever its types. {@code SHOW FUNCTIONS} and JDBC's {@code getFunctions} /
 * {@code getFunctionColumns} answer from it.
 */
public final class KpiFunctionListing
{
    /** One signature: a row of {@code SHOW FUNCTIONS} and of JDBC's function metadata. */
    public record Entry(
            String function,
            String returnType,
            List<String> argumentTypes,
            List<Argument> arguments,
            RelDataType calciteReturnType,
            List<RelDataType> calciteArgumentTypes,
            String functionType,
            boolean deterministic,
            String description)
    {
        public Entry
        {
            requireNonNull(function, "function");
            argumentTypes = List.copyOf(argumentTypes);
            arguments = List.copyOf(arguments);
            calciteArgumentTypes = List.copyOf(calciteArgumentTypes);
        }

        /** Trino's column {@code Argument Types}: the types joined by a comma and a space. */
        public String argumentTypeList()
        {
            return String.join(", ", argumentTypes);
        }

        /** The signature, unique among the entries: {@code nps(bigint)}. */
        public String specificName()
        {
            return function + "(" + argumentTypeList() + ")";
        }
    }

    private static final List<Entry> ENTRIES = build();

    private KpiFunctionListing() {}

    /** Every entry, in the order of Trino's {@code SHOW FUNCTIONS}: name, return type, argument types, kind. */
    public static List<Entry> entries()
    {
        return ENTRIES;
    }

    /**
     * The entries whose name matches a SQL {@code LIKE} pattern, in any case: names are
     * case-insensitive in the embedded engine. {@code escape} may be null.
     */
    public static List<Entry> matching(String pattern, String escape)
    {
        SqlFunctions.LikeFunction like = new SqlFunctions.LikeFunction();
        return ENTRIES.stream()
                .filter(entry -> escape == null ? like.ilike(entry.function(), pattern) : like.ilike(entry.function(), pattern, escape))
                .toList();
    }

    private static List<Entry> build()
    {
        RelDataTypeFactory types = new JavaTypeFactoryImpl();
        List<Entry> entries = new ArrayList<>();
        for (KpiSignature signature : KpiRuntime.signatures()) {
            List<RelDataType> arguments = new ArrayList<>();
            for (FunctionParameter parameter : signature.parameters()) {
                arguments.add(parameter.getType(types));
            }
            RelDataType returnType = signature.returnType(types);
            entries.add(new Entry(
                    signature.function().name(),
                    TrinoTypeNames.of(returnType),
                    arguments.stream().map(TrinoTypeNames::of).toList(),
                    signature.overload().arguments(),
                    returnType,
                    arguments,
                    signature.function().kind().name().toLowerCase(Locale.ROOT),
                    true,
                    signature.overload().description()));
        }
        // as Trino orders SHOW FUNCTIONS
        entries.sort(Comparator.comparing((Entry entry) -> entry.function().toLowerCase(Locale.ROOT))
                .thenComparing(Entry::returnType)
                .thenComparing(Entry::argumentTypeList)
                .thenComparing(Entry::functionType));
        return List.copyOf(entries);
    }
}
