package dev.kpisql.calcite.parallel;

import dev.kpisql.calcite.KpiRuntime;
import dev.kpisql.calcite.KpiSignature;
import dev.kpisql.calcite.parallel.Vector.Kind;
import dev.kpisql.udfs.KpiAccumulator;
import dev.kpisql.udfs.catalog.ArgType;
import org.codehaus.janino.SimpleCompiler;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link KpiKernel} of each catalog aggregate signature. Where the accumulator has a typed
 * {@code add} for the signature's values ({@link KpiSignature#typedAdd}), the kernel is a class
 * generated for that signature alone and compiled with Janino (Calcite's own compiler) the first
 * time a query needs it: its loop reads the primitive arrays and calls the typed {@code add}
 * directly, one call site per signature, which the JIT inlines. The values are converted as the
 * Calcite aggregate ({@code KpiAggFunction}) converts them, a TIMESTAMP's milliseconds to the
 * core's microseconds by the same multiplication. A signature without a typed {@code add} gets
 * the boxed kernel, which hands each row to {@link KpiRuntime#add} as the Calcite aggregate does.
 */
final class KpiKernels
{
    private static final ConcurrentHashMap<Integer, KpiKernel> KERNELS = new ConcurrentHashMap<>();

    private KpiKernels() {}

    /** The kernel of the signature at {@code id} in {@link KpiRuntime#signatures()}. */
    static KpiKernel of(int id)
    {
        return KERNELS.computeIfAbsent(id, KpiKernels::make);
    }

    private static KpiKernel make(int id)
    {
        KpiSignature signature = KpiRuntime.signatures().get(id);
        Method add = signature.typedAdd();
        String source = add == null ? null : source(id, signature, add);
        if (source == null) {
            return new Boxed(id, signature.overload().arguments().size());
        }
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(KpiKernels.class.getClassLoader());
            compiler.cook(source);
            return (KpiKernel) compiler.getClassLoader().loadClass(className(id, signature)).getConstructor().newInstance();
        }
        catch (Exception | LinkageError e) {
            throw new IllegalStateException("cannot compile the kernel of " + signature + ":\n" + source, e);
        }
    }

    private static String className(int id, KpiSignature signature)
    {
        return KpiKernels.class.getPackageName() + ".kernels.Kernel" + id + "_" + signature.function().name().replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    }

    /** The Java source of the kernel, or null when an argument's value is not the typed add's parameter. */
    static String source(int id, KpiSignature signature, Method add)
    {
        if (!Modifier.isPublic(add.getDeclaringClass().getModifiers())) {
            return null;
        }
        Class<?>[] parameters = add.getParameterTypes();
        List<ArgType> meanings = signature.overload().arguments().stream().map(argument -> argument.type()).toList();
        String name = className(id, signature);
        StringBuilder code = new StringBuilder()
                .append("package ").append(name, 0, name.lastIndexOf('.')).append(";\n")
                .append("public final class ").append(name.substring(name.lastIndexOf('.') + 1)).append(" implements ").append(KpiKernel.class.getName()).append(" {\n")
                .append("  public void add(Object[] states, int[] groupOf, int[] rows, int count, ").append(Vector.class.getName()).append("[] args) {\n");
        StringBuilder nullChecks = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int a = 0; a < parameters.length; a++) {
            Kind kind = kindOf(signature.types().get(a));
            if (kind == null || parameters[a] != javaType(kind)) {
                return null;
            }
            String array = switch (kind) {
                case LONG -> "longs";
                case DOUBLE -> "doubles";
                case INT -> "ints";
                case BOOLEAN -> "booleans";
                case STRING -> "strings";
            };
            code.append("    final ").append(javaType(kind).getCanonicalName()).append("[] v").append(a).append(" = args[").append(a).append("].").append(array).append(";\n")
                    .append("    final boolean[] n").append(a).append(" = args[").append(a).append("].nulls;\n")
                    .append("    final int o").append(a).append(" = args[").append(a).append("].offset;\n");
            nullChecks.append("      if (n").append(a).append(" != null && n").append(a).append("[o").append(a).append(" + row]) continue;\n");
            values.append(a == 0 ? "" : ", ").append("v").append(a).append("[o").append(a).append(" + row]")
                    // Calcite's milliseconds, the core's microseconds, as KpiAggFunction converts them
                    .append(meanings.get(a) == ArgType.TIMESTAMP ? " * 1000L" : "");
        }
        code.append("    for (int i = 0; i < count; i++) {\n")
                .append("      final int row = rows[i];\n")
                .append(nullChecks)
                .append("      ((").append(add.getDeclaringClass().getCanonicalName()).append(") states[groupOf[row]]).").append(add.getName()).append("(").append(values).append(");\n")
                .append("    }\n  }\n}\n");
        return code.toString();
    }

    private static Kind kindOf(dev.kpisql.udfs.catalog.SqlType type)
    {
        return switch (type) {
            case BIGINT, TIMESTAMP -> Kind.LONG;
            case DOUBLE -> Kind.DOUBLE;
            case DATE -> Kind.INT;
            case BOOLEAN -> Kind.BOOLEAN;
            case VARCHAR -> Kind.STRING;
            // an interval, an array: the kernel declines, the rule leaves the query to Calcite
            case ROW, INTERVAL_DAY_TO_SECOND, BOOLEAN_ARRAY, INTEGER_ARRAY -> null;
        };
    }

    private static Class<?> javaType(Kind kind)
    {
        return switch (kind) {
            case LONG -> long.class;
            case DOUBLE -> double.class;
            case INT -> int.class;
            case BOOLEAN -> boolean.class;
            case STRING -> String.class;
        };
    }

    /** Each row boxed into Calcite's values and handed to {@link KpiRuntime#add}, which converts them for the core. */
    private record Boxed(int id, int arity)
            implements KpiKernel
    {
        @Override
        public void add(Object[] states, int[] groupOf, int[] rows, int count, Vector[] args)
        {
            rows:
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                Object[] values = new Object[arity];
                for (int a = 0; a < arity; a++) {
                    if (args[a].isNull(row)) {
                        continue rows;
                    }
                    values[a] = args[a].value(row);
                }
                KpiRuntime.add((KpiAccumulator) states[groupOf[row]], id, values);
            }
        }
    }
}
