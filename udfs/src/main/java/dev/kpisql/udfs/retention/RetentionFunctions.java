package dev.kpisql.udfs.retention;

import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;
import dev.kpisql.udfs.ratio.CountIf;
import dev.kpisql.udfs.ratio.CountIfAccumulator;
import dev.kpisql.udfs.ratio.CountRatio;
import dev.kpisql.udfs.ratio.CountRatioAccumulator;

import java.util.List;

import static dev.kpisql.udfs.catalog.Example.row;

/** The catalog entries of the "Retention and churn" family of the contract. */
public final class RetentionFunctions
{
    public static final CountRatio CHURN_RATE = CountRatio.denominatorFirst("churn_rate", "start_customers", "lost_customers", 100);
    public static final CountIf CHURN_RATE_OF_CUSTOMERS = CountIf.countingTrue("churn_rate");
    public static final CountIf RETENTION_RATE_OF_CUSTOMERS = CountIf.countingTrue("retention_rate");

    private static final Argument START = new Argument("start_customers", ArgType.COUNT, "customers at the start of the period");

    private RetentionFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of(churnRate(), retentionRate());
    }

    private static KpiFunction churnRate()
    {
        return new KpiFunction("churn_rate", Kind.AGGREGATE, SqlType.DOUBLE, "percent (0..100)",
                "NULL rows are skipped; an empty group or a zero Σstart_customers returns NULL. A negative count fails the query; "
                        + "Σlost_customers may exceed Σstart_customers (customers moving between segments), giving more than 100.",
                List.of(Overload.aggregate(List.of(START, new Argument("lost_customers", ArgType.COUNT, "customers lost during the period")),
                                "Returns the customer churn rate: lost customers as a percentage of the customers at the start of the period",
                                "100 × Σlost_customers / Σstart_customers",
                                () -> new CountRatioAccumulator(CHURN_RATE),
                                new Example("5 lost of 200", List.of(row(200L, 5L)), 2.5),
                                new Example("two segments and a NULL row", List.of(row(100L, 2L), row(100L, 3L), row(null, 9L)), 2.5),
                                new Example("no customers at the start: NULL", List.of(row(0L, 0L)), null),
                                Example.invalid("a negative count", List.of(row(10L, -1L)), "churn_rate: lost_customers -1 is negative"),
                                Example.overflow("a sum beyond BIGINT", List.of(row(Long.MAX_VALUE, 0L), row(1L, 0L)), "churn_rate: sum of start_customers overflows BIGINT")),
                        Overload.aggregate(List.of(new Argument("churned", ArgType.FLAG, "whether a customer active at the period's start churned during it")),
                                "Returns the customer churn rate from one row per customer active at the period's start: the percentage that churned",
                                "100 × #(churned) / #customers",
                                () -> new CountIfAccumulator(CHURN_RATE_OF_CUSTOMERS),
                                new Example("one of four churned", List.of(row(true), row(false), row(false), row(false)), 25.0),
                                new Example("NULL rows are skipped", List.of(row(true), row((Object) null), row(false)), 50.0))));
    }

    private static KpiFunction retentionRate()
    {
        return new KpiFunction("retention_rate", Kind.AGGREGATE, SqlType.DOUBLE, "percent (0..100)",
                "NULL rows are skipped; an empty group or a zero Σstart_customers returns NULL. A negative count fails the query. "
                        + "With inconsistent counts (more new than end customers) the formula is applied as is and can go below 0.",
                List.of(Overload.aggregate(List.of(START,
                                        new Argument("end_customers", ArgType.COUNT, "customers at the end of the period"),
                                        new Argument("new_customers", ArgType.COUNT, "customers acquired during the period")),
                                "Returns the customer retention rate: customers at the end who were not acquired during the period, as a percentage of those at the start",
                                "100 × (Σend_customers − Σnew_customers) / Σstart_customers",
                                RetentionAccumulator::new,
                                new Example("S = 100, E = 120, N = 30", List.of(row(100L, 120L, 30L)), 90.0),
                                new Example("two segments and a NULL row", List.of(row(60L, 70L, 20L), row(40L, 50L, 10L), row(10L, null, 0L)), 90.0),
                                new Example("no customers at the start: NULL", List.of(row(0L, 5L, 5L)), null),
                                Example.invalid("a negative count", List.of(row(10L, 10L, -2L)), "retention_rate: new_customers -2 is negative")),
                        Overload.aggregate(List.of(new Argument("retained", ArgType.FLAG, "whether a customer active at the period's start is still active at its end")),
                                "Returns the customer retention rate from one row per customer active at the period's start: the percentage still active at its end",
                                "100 × #(retained) / #customers",
                                () -> new CountIfAccumulator(RETENTION_RATE_OF_CUSTOMERS),
                                new Example("three of four retained", List.of(row(true), row(true), row(false), row(true)), 75.0),
                                new Example("only NULLs: empty group", List.of(row((Object) null)), null))));
    }
}
