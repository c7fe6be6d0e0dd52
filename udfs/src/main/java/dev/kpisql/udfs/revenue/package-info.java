/**
 * Revenue KPIs: recurring revenue (MRR, ARR), its movements between two periods (new, expansion,
 * contraction, churned; net and gross revenue retention; the SaaS quick ratio), revenue per
 * user, customer lifetime value and the cost KPIs of acquisition and marketing.
 *
 * <p>Money is DOUBLE in the input's currency, finite and ≥ 0. Sums are Neumaier-compensated
 * (see {@link dev.kpisql.udfs.Sums}) so that partial aggregations merge to the same answer;
 * counts are exact 64-bit. The movement definitions follow the usual SaaS metrics
 * vocabulary (e.g. D. Skok, "SaaS Metrics 2.0", and the SaaS quick ratio of M. Mahmood).
 */
package dev.kpisql.udfs.revenue;
