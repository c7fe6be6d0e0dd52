package dev.kpisql.udfs.catalog;

import dev.kpisql.udfs.KpiException;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The bad-input matrix: every overload of every function × every kind of bad input the contract
 * names (C2, C3, C5, C6). Each case is one of the overload's valid examples with one argument
 * changed, and its outcome follows from the contract alone, not from the code under test: NULL
 * for a NULL argument, an empty group or a zero denominator; otherwise a user error of a given
 * kind whose message starts with {@code function: } and names the argument and the bad value.
 * The core and both engines run every case; {@code docs/bad-inputs.md} is rendered from them.
 */
public final class BadInputs
{
    /** The kinds of bad input, in the order of the published table's columns. */
    public enum Category
    {
        NULL("NULL"),
        EMPTY("empty group"),
        ZERO_DENOMINATOR("zero denominator"),
        NEGATIVE("negative count or amount"),
        NAN("NaN"),
        INFINITY("±Infinity"),
        OFF_SCALE("score off its scale"),
        END_BEFORE_START("end before start"),
        UNKNOWN_PERIOD("unknown billing period"),
        OVERFLOW("64-bit overflow"),
        ARRAY_LENGTH("array of 0, 33 or two lengths"),
        NOT_CONSTANT("parameter not constant in a group"),
        MALFORMED("unknown mode or malformed pattern"),
        INTERVAL_WITH_BIGINT_CLOCK("INTERVAL with a BIGINT ts");

        private final String label;

        Category(String label)
        {
            this.label = label;
        }

        public String label()
        {
            return label;
        }
    }

    /**
     * A failure the contract asks for: an error of {@code kind} whose message starts with
     * {@code function: } and contains every one of {@code parts} (the argument's name, the bad
     * value as SQL shows it).
     */
    public record Rejection(KpiException.Kind kind, String prefix, List<String> parts)
    {
        public Rejection
        {
            requireNonNull(kind, "kind");
            requireNonNull(prefix, "prefix");
            parts = List.copyOf(parts);
        }

        public boolean matches(String message)
        {
            return message != null && message.startsWith(prefix) && parts.stream().allMatch(message::contains);
        }

        @Override
        public String toString()
        {
            return kind + " starting with '" + prefix + "' and naming " + parts;
        }
    }

    /**
     * One case: {@code rows} of argument values (as in {@link Example}), all filtered away when
     * {@code emptyGroup}; the answer is NULL when {@code rejection} is null.
     */
    public record Case(Category category, KpiFunction function, Overload overload, String title, List<List<Object>> rows, boolean emptyGroup, Rejection rejection)
    {
        /** The case as a query both engines run. */
        public String sql()
        {
            String sql = new Example(title, rows, null).sql(function.name(), overload);
            return emptyGroup ? sql + " WHERE 1 = 0" : sql;
        }

        public String name()
        {
            return overload.signature(function.name()) + " · " + category.label() + ": " + title;
        }
    }

    /** The argument that is a denominator, by function: all zero makes the answer NULL (C3). */
    private static final Map<String, String> DENOMINATORS = Map.ofEntries(
            Map.entry("churn_rate", "start_customers"),
            Map.entry("retention_rate", "start_customers"),
            Map.entry("arppu", "revenue"),
            Map.entry("net_revenue_retention", "previous_mrr"),
            Map.entry("gross_revenue_retention", "previous_mrr"),
            Map.entry("saas_quick_ratio", "previous_mrr"),
            Map.entry("cac", "new_customers"),
            Map.entry("customer_retention_cost", "customers"),
            Map.entry("cost_per_lead", "leads"),
            Map.entry("romi", "marketing_cost"),
            Map.entry("market_share", "industry_sales"),
            Map.entry("conversion_rate", "total"),
            Map.entry("return_rate", "purchased"),
            Map.entry("engagement_rate", "impressions"),
            Map.entry("click_through_rate", "impressions"),
            Map.entry("open_rate", "delivered"),
            // an arm without trials or rows is no test
            Map.entry("rate_interval_from_counts", "trials"),
            Map.entry("two_proportion_z_test_from_counts", "trials_control"),
            Map.entry("welch_t_test_from_stats", "n_control"));

    /**
     * The MRR movements sum a value only for the customers in their movement, so their overflow
     * row is the one that puts the largest DOUBLE into the sum each reports:
     * (previous_mrr, current_mrr).
     */
    private static final Map<String, List<Object>> MOVEMENT_OVERFLOW = Map.of(
            "new_mrr", List.of(0.0, Double.MAX_VALUE),
            "expansion_mrr", List.of(1.0, Double.MAX_VALUE),
            "contraction_mrr", List.of(Double.MAX_VALUE, 1.0),
            "churned_mrr", List.of(Double.MAX_VALUE, 0.0),
            "net_new_mrr", List.of(0.0, Double.MAX_VALUE),
            "net_revenue_retention", List.of(Double.MAX_VALUE, Double.MAX_VALUE),
            "gross_revenue_retention", List.of(Double.MAX_VALUE, Double.MAX_VALUE),
            "saas_quick_ratio", List.of(0.0, Double.MAX_VALUE));

    /** Numeric arguments that are compared or used as a scale, never summed, so cannot overflow a sum. */
    private static final Set<String> NOT_SUMMED = Set.of("scale_max", "pageviews", "confidence");

    private static final String UNKNOWN_PERIOD = "fortnight";

    /** Rows of the largest value: enough to overflow a sum of monthly amounts billed yearly (÷ 12). */
    private static final int OVERFLOW_ROWS = 16;

    private BadInputs() {}

    /** Every case of every overload of the catalog. */
    public static List<Case> cases()
    {
        List<Case> cases = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                cases.addAll(cases(function, overload));
            }
        }
        return cases;
    }

    /** The overload's first example that succeeds with no NULL in its first row. */
    public static Example validExample(Overload overload)
    {
        return overload.examples().stream()
                .filter(example -> !example.fails() && example.expected() != null && example.rows().get(0).stream().allMatch(value -> value != null))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no valid example without NULLs for " + overload.description()));
    }

    static List<Case> cases(KpiFunction function, Overload overload)
    {
        String name = function.name();
        Example valid = validExample(overload);
        boolean aggregate = overload.kind() == Kind.AGGREGATE;
        List<Argument> arguments = overload.arguments();
        List<Case> cases = new ArrayList<>();
        Builder builder = new Builder(function, overload, valid, cases);

        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            // C2: the only row has a NULL, so an aggregate skips it and has no row left
            builder.onlyFirstRow(Category.NULL, argument.name() + " is NULL", i, null, null);
        }
        if (aggregate) {
            cases.add(new Case(Category.EMPTY, function, overload, "no rows", valid.rows(), true, null));
        }
        String denominator = DENOMINATORS.get(name);
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            ArgType type = argument.type();
            String arg = argument.name();
            if (argument.name().equals(denominator)) {
                builder.everyRow(Category.ZERO_DENOMINATOR, arg + " is 0 in every row", i, type == ArgType.COUNT ? (Object) 0L : (Object) 0.0, null);
            }
            if (type == ArgType.COUNT || type == ArgType.MONEY || type == ArgType.NUMBER) {
                Object minusOne = type == ArgType.COUNT ? (Object) (-1L) : (Object) (-1.0);
                builder.firstRow(Category.NEGATIVE, arg + " is -1", i, minusOne, invalid(name, arg, "-1"));
            }
            if (type == ArgType.MONEY || type == ArgType.NUMBER || type == ArgType.SCORE) {
                builder.firstRow(Category.NAN, arg + " is NaN", i, Double.NaN, invalid(name, arg, "NaN"));
                builder.firstRow(Category.INFINITY, arg + " is Infinity", i, Double.POSITIVE_INFINITY, invalid(name, arg, "Infinity"));
                builder.firstRow(Category.INFINITY, arg + " is -Infinity", i, Double.NEGATIVE_INFINITY, invalid(name, arg, "-Infinity"));
            }
            if (type == ArgType.MEASURE) {
                // a measured value may be negative, but never NaN or infinite
                builder.firstRow(Category.NAN, arg + " is NaN", i, Double.NaN, invalid(name, arg, "NaN"));
                builder.firstRow(Category.INFINITY, arg + " is Infinity", i, Double.POSITIVE_INFINITY, invalid(name, arg, "Infinity"));
                builder.firstRow(Category.INFINITY, arg + " is -Infinity", i, Double.NEGATIVE_INFINITY, invalid(name, arg, "-Infinity"));
            }
            if (type == ArgType.SCORE) {
                builder.firstRow(Category.OFF_SCALE, arg + " is -1", i, -1L, invalid(name, arg, "-1"));
                builder.firstRow(Category.OFF_SCALE, arg + " is 101", i, 101L, invalid(name, arg, "101"));
                builder.firstRow(Category.OFF_SCALE, arg + " is 7.5, not whole", i, 7.5, invalid(name, arg, "7.5"));
            }
            if (arg.equals("scale_max")) {
                builder.firstRow(Category.OFF_SCALE, arg + " is 1", i, 1L, invalid(name, arg, "1"));
                builder.firstRow(Category.OFF_SCALE, arg + " is 101", i, 101L, invalid(name, arg, "101"));
            }
            if (type == ArgType.TEXT && arg.equals("billing_period")) {
                builder.firstRow(Category.UNKNOWN_PERIOD, arg + " is '" + UNKNOWN_PERIOD + "'", i, UNKNOWN_PERIOD, invalid(name, arg, "'" + UNKNOWN_PERIOD + "'"));
            }
            if (aggregate && !NOT_SUMMED.contains(arg) && !MOVEMENT_OVERFLOW.containsKey(name) && (type == ArgType.COUNT || type == ArgType.MONEY)) {
                Object max = type == ArgType.COUNT ? (Object) Long.MAX_VALUE : (Object) Double.MAX_VALUE;
                builder.firstRowRepeated(Category.OVERFLOW, arg + " is " + (type == ArgType.COUNT ? "2^63 - 1" : "the largest DOUBLE") + " in " + OVERFLOW_ROWS + " rows", i, max,
                        new Rejection(KpiException.Kind.OVERFLOW, name + ": ", List.of("overflows")));
            }
        }
        List<Integer> timestamps = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).type() == ArgType.TIMESTAMP) {
                timestamps.add(i);
            }
        }
        if (timestamps.size() == 2) {
            int start = timestamps.get(0);
            int end = timestamps.get(1);
            LocalDateTime before = ((LocalDateTime) valid.rows().get(0).get(start)).minusHours(1);
            builder.firstRow(Category.END_BEFORE_START, arguments.get(end).name() + " an hour before " + arguments.get(start).name(), end, before,
                    invalid(name, arguments.get(end).name(), arguments.get(start).name()));
        }
        cases.addAll(EventCases.of(function, overload, valid));
        if (MOVEMENT_OVERFLOW.containsKey(name)) {
            List<Object> row = MOVEMENT_OVERFLOW.get(name);
            cases.add(new Case(Category.OVERFLOW, function, overload, "(previous_mrr, current_mrr) = " + shown(row) + " in " + OVERFLOW_ROWS + " rows",
                    Example.repeat(OVERFLOW_ROWS, row), false, new Rejection(KpiException.Kind.OVERFLOW, name + ": ", List.of("overflows"))));
        }
        // the catalog's own overflow examples (a product, not a sum, for the scalar clv)
        for (Example example : overload.examples()) {
            if (example.expected() instanceof Example.Failure failure && failure.kind() == KpiException.Kind.OVERFLOW && !aggregate) {
                cases.add(new Case(Category.OVERFLOW, function, overload, example.title(), example.rows(), false,
                        new Rejection(KpiException.Kind.OVERFLOW, failure.message(), List.of())));
            }
        }
        return cases;
    }

    private static String shown(List<Object> row)
    {
        return "(" + String.join(", ", row.stream().map(value -> (Double) value == Double.MAX_VALUE ? "the largest DOUBLE" : value.toString()).toList()) + ")";
    }

    private static Rejection invalid(String function, String... parts)
    {
        return new Rejection(KpiException.Kind.INVALID_ARGUMENT, function + ": ", List.of(parts));
    }

    /** Changes one argument of a valid example's rows. */
    private record Builder(KpiFunction function, Overload overload, Example valid, List<Case> cases)
    {
        /** The first row alone, with the argument changed. */
        void onlyFirstRow(Category category, String title, int argument, Object value, Rejection rejection)
        {
            add(category, title, List.of(changed(valid.rows().get(0), argument, value)), rejection);
        }

        /** Every row, the first one's argument changed. */
        void firstRow(Category category, String title, int argument, Object value, Rejection rejection)
        {
            List<List<Object>> rows = new ArrayList<>(valid.rows());
            rows.set(0, changed(rows.get(0), argument, value));
            add(category, title, rows, rejection);
        }

        /** Every row with the argument changed. */
        void everyRow(Category category, String title, int argument, Object value, Rejection rejection)
        {
            add(category, title, valid.rows().stream().map(row -> changed(row, argument, value)).toList(), rejection);
        }

        /** The first row {@link #OVERFLOW_ROWS} times with the argument changed, then the others. */
        void firstRowRepeated(Category category, String title, int argument, Object value, Rejection rejection)
        {
            List<List<Object>> rows = new ArrayList<>(Example.repeat(OVERFLOW_ROWS, changed(valid.rows().get(0), argument, value)));
            rows.addAll(valid.rows().subList(1, valid.rows().size()));
            add(category, title, rows, rejection);
        }

        private void add(Category category, String title, List<List<Object>> rows, Rejection rejection)
        {
            cases.add(new Case(category, function, overload, title, rows, false, rejection));
        }

        private static List<Object> changed(List<Object> row, int argument, Object value)
        {
            List<Object> copy = new ArrayList<>(row);
            copy.set(argument, value);
            return copy;
        }
    }
}
