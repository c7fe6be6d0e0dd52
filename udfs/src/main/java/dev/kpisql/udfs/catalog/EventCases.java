package dev.kpisql.udfs.catalog;

import dev.kpisql.udfs.KpiException;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bad inputs of the contract's event functions (S1 – S3, the modes and the pattern grammar),
 * each a valid example of the function with one argument changed, for {@link BadInputs}. A group
 * constant is changed in every row, so that the case tests its own rule rather than S3.
 */
final class EventCases
{
    private static final List<String> MALFORMED_PATTERNS = List.of("(?1", "(?1)(?99)", "(?1)(?x)", "(?1) (?2)", "(?t<5)(?1)", "");

    private final KpiFunction function;
    private final Overload overload;
    private final Example valid;
    private final List<BadInputs.Case> cases = new ArrayList<>();

    private EventCases(KpiFunction function, Overload overload, Example valid)
    {
        this.function = function;
        this.overload = overload;
        this.valid = valid;
    }

    static List<BadInputs.Case> of(KpiFunction function, Overload overload, Example valid)
    {
        EventCases builder = new EventCases(function, overload, valid);
        builder.build();
        return builder.cases;
    }

    private void build()
    {
        List<Argument> arguments = overload.arguments();
        int ts = index(ArgType.EVENT_TIME);
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            String arg = argument.name();
            Object value = valid.rows().get(0).get(i);
            switch (argument.type()) {
                case TIME_AMOUNT -> {
                    Object minusOne = value instanceof Duration ? Duration.ofSeconds(-1) : (Object) (-1L);
                    everyRow(BadInputs.Category.NEGATIVE, arg + " is -1", i, minusOne, invalid(arg, "-1"));
                    Object other = value instanceof Duration duration ? duration.plusSeconds(1) : (Object) (((Long) value) + 1);
                    firstRow(BadInputs.Category.NOT_CONSTANT, arg + " differs in the first row", i, other, invalid(arg, "must be constant"));
                    if (ts >= 0 && valid.rows().get(0).get(ts) instanceof LocalDateTime) {
                        everyRow(BadInputs.Category.OVERFLOW, arg + " is 2^63 - 1 seconds with a TIMESTAMP ts", i, Long.MAX_VALUE,
                                new BadInputs.Rejection(KpiException.Kind.OVERFLOW, function.name() + ": ", List.of(arg, "overflows")));
                    }
                    // the same rows with a BIGINT clock (their order kept) and an INTERVAL amount
                    List<List<Object>> rows = new ArrayList<>();
                    for (int r = 0; r < valid.rows().size(); r++) {
                        List<Object> row = new ArrayList<>(valid.rows().get(r));
                        row.set(i, Duration.ofHours(1));
                        row.set(ts, (long) r + 1);
                        rows.add(row);
                    }
                    add(BadInputs.Category.INTERVAL_WITH_BIGINT_CLOCK, arg + " is an INTERVAL, ts a BIGINT", rows, invalid(arg, "INTERVAL", "BIGINT"));
                }
                case CONDITIONS -> {
                    int length = ((List<?>) value).size();
                    firstRow(BadInputs.Category.ARRAY_LENGTH, arg + " is empty in the first row", i, List.of(), invalid(arg, "0 elements"));
                    firstRow(BadInputs.Category.ARRAY_LENGTH, arg + " has 33 elements in the first row", i, Collections.nCopies(33, true), invalid(arg, "33 elements"));
                    List<Boolean> longer = new ArrayList<>();
                    ((List<?>) value).forEach(flag -> longer.add((Boolean) flag));
                    longer.add(true);
                    List<List<Object>> rows = new ArrayList<>(valid.rows());
                    rows.add(changed(valid.rows().get(0), i, longer));
                    add(BadInputs.Category.ARRAY_LENGTH, arg + " has " + (length + 1) + " elements in one row, " + length + " in the others", rows,
                            invalid(arg, "same length", Integer.toString(length), Integer.toString(length + 1)));
                }
                case TEXT -> {
                    if (arg.equals("mode")) {
                        everyRow(BadInputs.Category.MALFORMED, "mode is 'fortnight'", i, "fortnight", invalid(arg, "'fortnight'"));
                        everyRow(BadInputs.Category.MALFORMED, "mode is 'strict'", i, "strict", invalid(arg, "'strict'", "strict_deduplication"));
                        everyRow(BadInputs.Category.MALFORMED, "mode is 'allow_reentry'", i, "allow_reentry", invalid(arg, "'allow_reentry'"));
                        firstRow(BadInputs.Category.NOT_CONSTANT, "mode differs in the first row", i, value.equals("") ? "strict_order" : "", invalid(arg, "must be constant"));
                    }
                    if (arg.equals("pattern")) {
                        for (String pattern : MALFORMED_PATTERNS) {
                            everyRow(BadInputs.Category.MALFORMED, "pattern is '" + pattern + "'", i, pattern, invalid(arg, "'" + pattern + "'", "at position"));
                        }
                        firstRow(BadInputs.Category.NOT_CONSTANT, "pattern differs in the first row", i, value.equals(".") ? "(?1)" : ".", invalid(arg, "must be constant"));
                    }
                }
                default -> {
                }
            }
        }
    }

    private int index(ArgType type)
    {
        for (int i = 0; i < overload.arguments().size(); i++) {
            if (overload.arguments().get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }

    private BadInputs.Rejection invalid(String... parts)
    {
        return new BadInputs.Rejection(KpiException.Kind.INVALID_ARGUMENT, function.name() + ": ", List.of(parts));
    }

    private void firstRow(BadInputs.Category category, String title, int argument, Object value, BadInputs.Rejection rejection)
    {
        List<List<Object>> rows = new ArrayList<>(valid.rows());
        rows.set(0, changed(rows.get(0), argument, value));
        add(category, title, rows, rejection);
    }

    private void everyRow(BadInputs.Category category, String title, int argument, Object value, BadInputs.Rejection rejection)
    {
        add(category, title, valid.rows().stream().map(row -> changed(row, argument, value)).toList(), rejection);
    }

    private void add(BadInputs.Category category, String title, List<List<Object>> rows, BadInputs.Rejection rejection)
    {
        cases.add(new BadInputs.Case(category, function, overload, title, rows, false, rejection));
    }

    private static List<Object> changed(List<Object> row, int argument, Object value)
    {
        List<Object> copy = new ArrayList<>(row);
        copy.set(argument, value);
        return copy;
    }
}
