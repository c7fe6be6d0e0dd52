package dev.kpisql.udfs.distinct;

import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;

import java.util.List;

import static dev.kpisql.udfs.catalog.Example.row;

/** Catalog entries of the revenue KPIs over distinct users, used by the revenue family. */
public final class DistinctFunctions
{
    private static final Argument REVENUE = new Argument("revenue", ArgType.MONEY, "revenue of one row");
    private static final Argument USER = new Argument("user_id", ArgType.ID, "the user the row belongs to");

    private DistinctFunctions() {}

    public static Overload arpuByUser()
    {
        return Overload.aggregate(List.of(REVENUE, USER),
                "Returns the average revenue per user: total revenue over the number of distinct users",
                "Σrevenue / #distinct user_id",
                () -> new DistinctAccumulator(DistinctAccumulator.Kpi.ARPU_BY_USER),
                new Example("two users, three rows", List.of(row(10.0, 1L), row(20.0, 1L), row(30.0, 2L)), 30.0),
                new Example("VARCHAR ids, a NULL row", List.of(row(5.0, "u1"), row(0.0, "u2"), row(7.0, null)), 2.5),
                Example.invalid("an infinite revenue", List.of(row(Double.NEGATIVE_INFINITY, 1L)), "arpu: revenue -Infinity is not a finite number"));
    }

    public static KpiFunction arppu()
    {
        return new KpiFunction("arppu", Kind.AGGREGATE, SqlType.DOUBLE, "input currency per paying user",
                "NULL rows are skipped; an empty group, or one without a paying user, returns NULL. A negative, NaN or infinite revenue fails the query.",
                List.of(Overload.aggregate(List.of(REVENUE, USER),
                        "Returns the average revenue per paying user: total revenue over the number of distinct users with revenue above 0",
                        "Σrevenue / #distinct user_id with a row of revenue > 0",
                        () -> new DistinctAccumulator(DistinctAccumulator.Kpi.ARPPU),
                        new Example("two payers and a free user", List.of(row(10.0, 1L), row(20.0, 1L), row(30.0, 2L), row(0.0, 3L)), 30.0),
                        new Example("nobody paid: NULL", List.of(row(0.0, "u1"), row(0.0, "u2")), null),
                        Example.invalid("a negative revenue", List.of(row(-2.5, "u1")), "arppu: revenue -2.5 is negative"))));
    }
}
