package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.KpiException;
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
 * Each SQL function reports one {@link Measure} of the same state. Every row falls into at most
 * one movement, so net new MRR = new + expansion − contraction − churned = Σ(current − previous),
 * and Σmin(previous, current) over previous &gt; 0 = start − contraction − churned.
 */
public final class MrrMovements
{
    public enum Measure
    {
        NEW, EXPANSION, CONTRACTION, CHURNED, NET_NEW, NET_REVENUE_RETENTION, GROSS_REVENUE_RETENTION, QUICK_RATIO,
    }

    private final String function;
    private final Measure measure;

    public MrrMovements(String function, Measure measure)
    {
        this.function = requireNonNull(function, "function");
        this.measure = requireNonNull(measure, "measure");
    }

    public String function()
    {
        return function;
    }

    public void add(MrrMovementState state, double previousMrr, double currentMrr)
    {
        double previous = Check.nonNegative(function, "previous_mrr", previousMrr);
        double current = Check.nonNegative(function, "current_mrr", currentMrr);
        if (previous > 0) {
            double s = state.getStartMrr();
            double t = s + previous;
            state.setStartMrrError(state.getStartMrrError() + Sums.error(s, previous, t));
            state.setStartMrr(t);
        }
        if (previous == 0 && current > 0) {
            double s = state.getNewMrr();
            double t = s + current;
            state.setNewMrrError(state.getNewMrrError() + Sums.error(s, current, t));
            state.setNewMrr(t);
        }
        else if (previous > 0 && current > previous) {
            double delta = current - previous;
            double s = state.getExpansionMrr();
            double t = s + delta;
            state.setExpansionMrrError(state.getExpansionMrrError() + Sums.error(s, delta, t));
            state.setExpansionMrr(t);
        }
        else if (current > 0 && current < previous) {
            double delta = previous - current;
            double s = state.getContractionMrr();
            double t = s + delta;
            state.setContractionMrrError(state.getContractionMrrError() + Sums.error(s, delta, t));
            state.setContractionMrr(t);
        }
        else if (previous > 0 && current == 0) {
            double s = state.getChurnedMrr();
            double t = s + previous;
            state.setChurnedMrrError(state.getChurnedMrrError() + Sums.error(s, previous, t));
            state.setChurnedMrr(t);
        }
        state.setRows(Counts.increment(function, "rows", state.getRows()));
    }

    public void merge(MrrMovementState state, MrrMovementState other)
    {
        double s = state.getStartMrr();
        double t = s + other.getStartMrr();
        state.setStartMrrError(state.getStartMrrError() + other.getStartMrrError() + Sums.error(s, other.getStartMrr(), t));
        state.setStartMrr(t);

        s = state.getNewMrr();
        t = s + other.getNewMrr();
        state.setNewMrrError(state.getNewMrrError() + other.getNewMrrError() + Sums.error(s, other.getNewMrr(), t));
        state.setNewMrr(t);

        s = state.getExpansionMrr();
        t = s + other.getExpansionMrr();
        state.setExpansionMrrError(state.getExpansionMrrError() + other.getExpansionMrrError() + Sums.error(s, other.getExpansionMrr(), t));
        state.setExpansionMrr(t);

        s = state.getContractionMrr();
        t = s + other.getContractionMrr();
        state.setContractionMrrError(state.getContractionMrrError() + other.getContractionMrrError() + Sums.error(s, other.getContractionMrr(), t));
        state.setContractionMrr(t);

        s = state.getChurnedMrr();
        t = s + other.getChurnedMrr();
        state.setChurnedMrrError(state.getChurnedMrrError() + other.getChurnedMrrError() + Sums.error(s, other.getChurnedMrr(), t));
        state.setChurnedMrr(t);

        state.setRows(Counts.add(function, "rows", state.getRows(), other.getRows()));
    }

    /** The measure, or NULL for an empty group or a zero denominator. */
    public Double result(MrrMovementState state)
    {
        if (state.getRows() == 0) {
            return null;
        }
        double start = Sums.value(function, "previous_mrr", state.getStartMrr(), state.getStartMrrError());
        double fresh = Sums.value(function, "new MRR", state.getNewMrr(), state.getNewMrrError());
        double expansion = Sums.value(function, "expansion MRR", state.getExpansionMrr(), state.getExpansionMrrError());
        double contraction = Sums.value(function, "contraction MRR", state.getContractionMrr(), state.getContractionMrrError());
        double churned = Sums.value(function, "churned MRR", state.getChurnedMrr(), state.getChurnedMrrError());
        Double result = switch (measure) {
            case NEW -> fresh;
            case EXPANSION -> expansion;
            case CONTRACTION -> contraction;
            case CHURNED -> churned;
            // summed in the order that keeps cancellation last
            case NET_NEW -> (fresh + expansion) - (contraction + churned);
            case NET_REVENUE_RETENTION -> Sums.ratio(function, start + expansion - (contraction + churned), start, 100);
            case GROSS_REVENUE_RETENTION -> Sums.ratio(function, start - (contraction + churned), start, 100);
            case QUICK_RATIO -> Sums.ratio(function, fresh + expansion, contraction + churned, 1);
        };
        if (result != null && !Double.isFinite(result)) {
            throw KpiException.overflow(function, "result", "DOUBLE");
        }
        return result;
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
