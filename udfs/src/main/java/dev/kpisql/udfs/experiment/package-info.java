/**
 * Experiments and uncertainty: A/B tests and the error bars of rates, each a ROW of named fields
 * (contract section "Experiments and uncertainty", rules E1–E4).
 *
 * <ul>
 * <li>{@link dev.kpisql.udfs.experiment.RateInterval}: a rate with its Wilson score interval
 * (Wilson 1927), written so that neither bound cancels;</li>
 * <li>{@link dev.kpisql.udfs.experiment.ProportionTest}: the pooled two-proportion z-test (its z² is
 * Pearson's χ² of the 2×2 table) with the unpooled Wald interval of the difference;</li>
 * <li>{@link dev.kpisql.udfs.experiment.WelchTest}: Welch's t-test (Welch 1947) with
 * Welch–Satterthwaite degrees of freedom, over {@link dev.kpisql.udfs.experiment.Moments}
 * kept by Welford's update and Chan's merge with a double-double mean;</li>
 * <li>{@link dev.kpisql.udfs.experiment.NpsDifferenceTest}: the normal test of the difference of
 * two NPS, each answer scored +1, 0 or −1;</li>
 * <li>{@link dev.kpisql.udfs.experiment.SampleRatioTest}: Pearson's χ² goodness of fit of the
 * assignment to its planned shares.</li>
 * </ul>
 *
 * <p>A test compares a treatment with a control: each row names its variant (VARCHAR, BIGINT or
 * BOOLEAN) and the control value, and {@link dev.kpisql.udfs.experiment.Variants} keeps the two
 * arms of a group apart. Tails come from the survival functions of Apache Commons Statistics
 * (normal, Student's t, χ²), so a p-value of 1e-300 is not rounded to 0; quantiles from the
 * inverse survival function of (1 − confidence)/2.
 *
 * <p>Every result is a {@code Map} of field name to value in the catalog's field order, as
 * {@link dev.kpisql.udfs.experiment.Rows#of} builds it; a field is null where the contract says
 * NULL (a standard error of 0), and the whole result is null for too little data.
 */
package dev.kpisql.udfs.experiment;
