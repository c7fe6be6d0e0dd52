/**
 * The two shapes most KPIs share, each defined once and configured per SQL function.
 *
 * <ul>
 * <li>{@link dev.kpisql.udfs.ratio.CountRatio}: scale × Σnumerator / Σdenominator over two
 * non-negative integer columns, with exact 64-bit sums — {@code churn_rate(start, lost)},
 * {@code click_through_rate(clicks, impressions)} …</li>
 * <li>{@link dev.kpisql.udfs.ratio.CountIf}: 100 × #rows matching / #rows — the share of TRUE
 * (or FALSE) in a BOOLEAN column, such as {@code churn_rate(churned)}.</li>
 * </ul>
 *
 * Both states are a few longs, all zero for the empty group, so engines store them as primitives.
 */
package dev.kpisql.udfs.ratio;
