package dev.kpisql.trino;

import io.trino.spi.type.Type;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The argument types of Trino's aggregation test harness ({@code AggregationTestUtils}) on every
 * Trino line: the harness takes a list of {@code io.trino.sql.analyzer.TypeSignatureProvider}
 * up to Trino 481 and of {@code TypeDescriptorProvider} from 482 on, each made by a static
 * {@code fromTypes(List<Type>)} of its class. The list is returned raw, so one test source
 * compiles against either.
 */
public final class HarnessTypes
{
    private static final Method FROM_TYPES = fromTypes();

    private HarnessTypes() {}

    @SuppressWarnings("rawtypes")
    public static List of(Type... types)
    {
        return of(List.of(types));
    }

    @SuppressWarnings("rawtypes")
    public static List of(List<Type> types)
    {
        try {
            return (List) FROM_TYPES.invoke(null, types);
        }
        catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Trino's fromTypes failed for " + types, e);
        }
    }

    private static Method fromTypes()
    {
        for (String name : List.of("io.trino.sql.analyzer.TypeDescriptorProvider", "io.trino.sql.analyzer.TypeSignatureProvider")) {
            try {
                return Class.forName(name).getMethod("fromTypes", List.class);
            }
            catch (ClassNotFoundException ignored) {
                // the other Trino line
            }
            catch (NoSuchMethodException e) {
                throw new IllegalStateException(name + " has no fromTypes(List)", e);
            }
        }
        throw new IllegalStateException("neither TypeDescriptorProvider nor TypeSignatureProvider is on the test classpath");
    }
}
