package dev.kpisql.udfs.revenue;

/**
 * What one {@link MrrMovements} measure keeps of a group: one compensated sum ({@code new_mrr},
 * {@code net_new_mrr} …) or two, a numerator and a denominator ({@code net_revenue_retention},
 * {@code saas_quick_ratio} …), and the number of rows. All zero is the empty group.
 */
public interface MrrMovementState
{
    double getFirst();

    void setFirst(double value);

    double getFirstError();

    void setFirstError(double value);

    double getSecond();

    void setSecond(double value);

    double getSecondError();

    void setSecondError(double value);

    long getRows();

    void setRows(long value);
}
