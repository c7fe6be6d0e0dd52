package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.Sums;

import static java.util.Objects.requireNonNull;

/**
 * The movements of monthly recurring revenue between two periods, from one row per customer
 * holding its MRR last period ({@code previous_mrr}) and this period ({@code current_mrr}):
 *
 * <ul>
 * <li>new: current, where previous = 0 and current &gt; 0;</li>
 * <li>expansion: current − previous, where 0 &lt; previous &lt; current;</li>
 * <li>contraction: previous − current, where 0 &lt; current &lt; previous;</li>
 * <li>churned: previous, where previous &gt; 0 and current = 0;</li>
 * <li>start MRR: previous, where previous &gt; 0.</li>
 * </ul>
 *
 * Each SQL function keeps only what it reports, so a row costs one or two compensated additions
 * rather than a classification into five movements: new, expansion, contraction, churned and net new MRR are one sum
 * each (net new = new + expansion − contraction − churned = Σ(current − previous)); net revenue
 * retention is Σcurrent over Σprevious where previous &gt; 0 (start + expansion − contraction −
 * churned = Σcurrent over those customers), gross revenue retention Σmin(previous, current) over
 * the same Σprevious, and the quick ratio Σmax(current − previous, 0) over Σmax(previous − current, 0).
 */
public abstract class MrrMovements
{
    public enum Measure
    {
        NEW("new MRR", null, 1),
        EXPANSION("expansion MRR", null, 1),
        CONTRACTION("contraction MRR", null, 1),
        CHURNED("churned MRR", null, 1),
        NET_NEW("net new MRR", null, 1),
        NET_REVENUE_RETENTION("retained MRR", "starting MRR", 100),
        GROSS_REVENUE_RETENTION("retained MRR without expansion", "starting MRR", 100),
        QUICK_RATIO("MRR gained", "MRR lost", 1);

        private final String first;
        private final String second;
        private final double scale;

        Measure(String first, String second, double scale)
        {
            this.first = first;
            this.second = second;
            this.scale = scale;
        }
    }

    private final String function;
    private final Measure measure;

    private MrrMovements(String function, Measure measure)
    {
        this.function = requireNonNull(function, "function");
        this.measure = requireNonNull(measure, "measure");
    }

    /**
     * The measure's KPI. Each measure adds a row in a method of its own, so the JIT profiles
     * and compiles each one for its own data rather than one shared switch for all eight.
     */
    public static MrrMovements of(String function, Measure measure)
    {
        return switch (measure) {
            case NEW -> new MrrMovements(function, measure)
            {
                @Override
                public void add(MrrMovementState state, double previousMrr, double currentMrr)
                {
                    double previous = previous(previousMrr);
                    double current = current(currentMrr);
                    addFirst(state, previous == 0 ? current : 0);
                    countRow(state);
                }
            };
            case EXPANSION -> new MrrMovements(function, measure)
            {
                @Override
                public void add(MrrMovementState state, double previousMrr, double currentMrr)
                {
                    double previous = previous(previousMrr);
                    double current = current(currentMrr);
                    addFirst(state, previous > 0 ? Math.max(current - previous, 0) : 0);
                    countRow(state);
                }
            };
            case CONTRACTION -> new MrrMovements(function, measure)
            {
                @Override
                public void add(MrrMovementState state, double previousMrr, double currentMrr)
                {
                    double previous = previous(previousMrr);
                    double current = current(currentMrr);
                    addFirst(state, current > 0 ? Math.max(previous - current, 0) : 0);
                    countRow(state);
                }
            };
            case CHURNED -> new MrrMovements(function, measure)
            {
                @Override
                public void add(MrrMovementState state, double previousMrr, double currentMrr)
                {
                    double previous = previous(previousMrr);
                    double current = current(currentMrr);
                    addFirst(state, current == 0 ? previous : 0);
                    countRow(state);
                }
            };
            case NET_NEW -> new MrrMovements(function, measure)
            {
                @Override
                public void add(MrrMovementState state, double previousMrr, double currentMrr)
                {
                    double previous = previous(previousMrr);
                    double current = current(currentMrr);
                    addFirst(state, current - previous);
                    countRow(state);
                }
            };
            case NET_REVENUE_RETENTION -> new MrrMovements(function, measure)
            {
                @Override
                public void add(MrrMovementState state, double previousMrr, double currentMrr)
                {
                    double previous = previous(previousMrr);
                    double current = current(currentMrr);
                    if (previous > 0) {
                        addFirst(state, current);
                        addSecond(state, previous);
                    }
                    countRow(state);
                }
            };
            case GROSS_REVENUE_RETENTION -> new MrrMovements(function, measure)
            {
                @Override
                public void add(MrrMovementState state, double previousMrr, double currentMrr)
                {
                    double previous = previous(previousMrr);
                    double current = current(currentMrr);
                    if (previous > 0) {
                        addFirst(state, Math.min(previous, current));
                        addSecond(state, previous);
                    }
                    countRow(state);
                }
            };
            case QUICK_RATIO -> new MrrMovements(function, measure)
            {
                @Override
                public void add(MrrMovementState state, double previousMrr, double currentMrr)
                {
                    double previous = previous(previousMrr);
                    double current = current(currentMrr);
                    addFirst(state, Math.max(current - previous, 0));
                    addSecond(state, Math.max(previous - current, 0));
                    countRow(state);
                }
            };
        };
    }

    public String function()
    {
        return function;
    }

    /** Adds one customer's row: its MRR last period and this period, both ≥ 0 and finite. */
    public abstract void add(MrrMovementState state, double previousMrr, double currentMrr);

    final double previous(double previousMrr)
    {
        return Check.nonNegative(function, "previous_mrr", previousMrr);
    }

    final double current(double currentMrr)
    {
        return Check.nonNegative(function, "current_mrr", currentMrr);
    }

    final void countRow(MrrMovementState state)
    {
        state.setRows(Counts.increment(function, "rows", state.getRows()));
    }

    static void addFirst(MrrMovementState state, double value)
    {
        double s = state.getFirst();
        double t = s + value;
        state.setFirstError(state.getFirstError() + Sums.error(s, value, t));
        state.setFirst(t);
    }

    static void addSecond(MrrMovementState state, double value)
    {
        double s = state.getSecond();
        double t = s + value;
        state.setSecondError(state.getSecondError() + Sums.error(s, value, t));
        state.setSecond(t);
    }

    public void merge(MrrMovementState state, MrrMovementState other)
    {
        double s = state.getFirst();
        double t = s + other.getFirst();
        state.setFirstError(state.getFirstError() + other.getFirstError() + Sums.error(s, other.getFirst(), t));
        state.setFirst(t);
        if (measure.second != null) {
            s = state.getSecond();
            t = s + other.getSecond();
            state.setSecondError(state.getSecondError() + other.getSecondError() + Sums.error(s, other.getSecond(), t));
            state.setSecond(t);
        }
        state.setRows(Counts.add(function, "rows", state.getRows(), other.getRows()));
    }

    /** The measure, or NULL for an empty group or a zero denominator. */
    public Double result(MrrMovementState state)
    {
        if (state.getRows() == 0) {
            return null;
        }
        double first = Sums.value(function, measure.first, state.getFirst(), state.getFirstError());
        if (measure.second == null) {
            return first;
        }
        double second = Sums.value(function, measure.second, state.getSecond(), state.getSecondError());
        return Sums.ratio(function, first, second, measure.scale);
    }

    /** The movement of one customer: 'new', 'expansion', 'contraction', 'churn', 'flat' or 'inactive'. */
    public static String movement(double previousMrr, double currentMrr)
    {
        double previous = Check.nonNegative(RevenueFunctions.MRR_MOVEMENT, "previous_mrr", previousMrr);
        double current = Check.nonNegative(RevenueFunctions.MRR_MOVEMENT, "current_mrr", currentMrr);
        if (previous == 0) {
            return current == 0 ? "inactive" : "new";
        }
        if (current == 0) {
            return "churn";
        }
        return current > previous ? "expansion" : current < previous ? "contraction" : "flat";
    }
}
