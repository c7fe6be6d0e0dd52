package dev.kpisql.trino.experiment;

import dev.kpisql.trino.KpiOutput;
import io.trino.spi.type.RowType;

/**
 * The ROW types of the experiment functions, spelled once for the annotations (which need
 * constants) and built from the catalog's fields for the scalars' values. TestKpiPluginCatalog
 * checks the spellings against the catalog through SHOW FUNCTIONS.
 */
final class ExperimentRows
{
    static final String RATE = "row(rate double, lower double, upper double)";
    static final String Z_TEST = "row(rate_control double, rate_treatment double, difference double, z double, p_value double, lower double, upper double)";
    static final String T_TEST = "row(mean_control double, mean_treatment double, difference double, t double, df double, p_value double, lower double, upper double)";
    static final String NPS_TEST = "row(nps_control double, nps_treatment double, difference double, z double, p_value double, lower double, upper double)";
    static final String SRM = "row(variants bigint, chi_square double, p_value double)";

    static final RowType RATE_TYPE = KpiOutput.rowType("rate_interval_from_counts");
    static final RowType Z_TEST_TYPE = KpiOutput.rowType("two_proportion_z_test_from_counts");
    static final RowType T_TEST_TYPE = KpiOutput.rowType("welch_t_test_from_stats");

    private ExperimentRows() {}
}
