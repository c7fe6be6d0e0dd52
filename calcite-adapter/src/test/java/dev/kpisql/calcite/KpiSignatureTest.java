package dev.kpisql.calcite;

import dev.kpisql.udfs.catalog.Kind;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Which aggregate signatures the generated code calls through the accumulator's typed add. */
final class KpiSignatureTest
{
    @Test
    void aggregatesOverNumbersDatesAndFlagsHaveATypedAdd()
    {
        Map<String, Boolean> typed = new TreeMap<>();
        for (KpiSignature signature : KpiRuntime.signatures()) {
            if (signature.function().kind() == Kind.AGGREGATE) {
                typed.put(signature.toString(), signature.typedAdd() != null);
            }
        }
        assertThat(typed).containsEntry("nps[BIGINT]", true)
                .containsEntry("nps[DOUBLE]", true)
                .containsEntry("churn_rate[BOOLEAN]", true)
                .containsEntry("mrr[DOUBLE]", true)
                .containsEntry("mrr[DOUBLE, VARCHAR]", true)
                .containsEntry("avg_session_duration[TIMESTAMP, TIMESTAMP]", true)
                .containsEntry("approx_dau_mau[BIGINT, DATE]", true)
                .containsEntry("dau_mau[BIGINT, DATE]", true)
                .containsEntry("arpu[DOUBLE, BIGINT]", true)
                .containsEntry("dau_mau[VARCHAR, DATE]", false)
                .containsEntry("rate_interval[BOOLEAN, DOUBLE]", true)
                .containsEntry("two_proportion_z_test[BOOLEAN, BIGINT, BIGINT]", true)
                .containsEntry("welch_t_test[DOUBLE, BOOLEAN, BOOLEAN]", true)
                .containsEntry("srm_test[BIGINT, DOUBLE]", true);
        // boxed: VARCHAR ids and variants (the core adds them as bytes), DOUBLE survey scores (checked
        // to be whole by the boxed view), the experiment tests' group parameters (the boxed view sets
        // the confidence before the row), and the event functions, whose values (an array, a
        // timestamp or an interval that says which clock and unit it is) go to the core boxed
        assertThat(typed.entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey))
                .allMatch(name -> name.contains("VARCHAR") || name.matches("(csat|ces|nps_margin_of_error)\\[DOUBLE.*")
                        || name.matches("(two_proportion_z_test|welch_t_test|nps_difference_test)\\[\\w+, \\w+, \\w+, DOUBLE]")
                        || name.matches("(window_funnel|retention|sequence_match|sequence_count|session_count)\\[.*"));
    }
}
