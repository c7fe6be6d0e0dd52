package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.KpiException;
import dev.kpisql.udfs.Values;
import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Argument;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.SqlType;
import dev.kpisql.udfs.distinct.DistinctFunctions;

import java.util.ArrayList;
import java.util.List;

import static dev.kpisql.udfs.catalog.Example.repeat;
import static dev.kpisql.udfs.catalog.Example.row;

/** The catalog entries of the "Revenue" family of the contract. */
public final class RevenueFunctions
{
    public static final String MRR_MOVEMENT = "mrr_movement";
    public static final String CLV = "clv";

    public static final MoneySum MRR = MoneySum.total("mrr", "amount", 1);
    public static final MoneySum ARR = MoneySum.total("arr", "amount", 12);
    public static final MoneySum ARPU = MoneySum.perRow("arpu", "revenue");
    public static final MrrMovements NEW_MRR = MrrMovements.of("new_mrr", MrrMovements.Measure.NEW);
    public static final MrrMovements EXPANSION_MRR = MrrMovements.of("expansion_mrr", MrrMovements.Measure.EXPANSION);
    public static final MrrMovements CONTRACTION_MRR = MrrMovements.of("contraction_mrr", MrrMovements.Measure.CONTRACTION);
    public static final MrrMovements CHURNED_MRR = MrrMovements.of("churned_mrr", MrrMovements.Measure.CHURNED);
    public static final MrrMovements NET_NEW_MRR = MrrMovements.of("net_new_mrr", MrrMovements.Measure.NET_NEW);
    public static final MrrMovements NET_REVENUE_RETENTION = MrrMovements.of("net_revenue_retention", MrrMovements.Measure.NET_REVENUE_RETENTION);
    public static final MrrMovements GROSS_REVENUE_RETENTION = MrrMovements.of("gross_revenue_retention", MrrMovements.Measure.GROSS_REVENUE_RETENTION);
    public static final MrrMovements SAAS_QUICK_RATIO = MrrMovements.of("saas_quick_ratio", MrrMovements.Measure.QUICK_RATIO);
    public static final MoneyPerCount CAC = new MoneyPerCount("cac", List.of("acquisition_cost"), "new_customers");
    public static final MoneyPerCount CAC_FROM_PARTS = new MoneyPerCount("cac", List.of("sales_cost", "marketing_cost"), "new_customers");
    public static final MoneyPerCount CUSTOMER_RETENTION_COST = new MoneyPerCount("customer_retention_cost", List.of("retention_cost"), "customers");
    public static final MoneyPerCount COST_PER_LEAD = new MoneyPerCount("cost_per_lead", List.of("campaign_cost"), "leads");
    public static final MoneyRatio ROMI = MoneyRatio.returnOn("romi", "attributed_revenue", "marketing_cost");
    public static final MoneyRatio MARKET_SHARE = MoneyRatio.share("market_share", "company_sales", "industry_sales");

    private static final String MONEY_NOTES = "NULL rows are skipped; an empty group returns NULL. A negative, NaN or infinite amount fails the query.";
    private static final Argument AMOUNT = new Argument("amount", ArgType.MONEY, "recurring amount billed once per billing period");
    private static final Argument MONTHLY_AMOUNT = new Argument("amount", ArgType.MONEY, "recurring amount per month");
    private static final Argument BILLING_PERIOD = new Argument("billing_period", ArgType.TEXT, "month(ly), quarter(ly), half_year, semiannual, year(ly), annual, week(ly), day/daily; case-insensitive");
    private static final Argument PREVIOUS = new Argument("previous_mrr", ArgType.MONEY, "the customer's MRR last period, 0 if none");
    private static final Argument CURRENT = new Argument("current_mrr", ArgType.MONEY, "the customer's MRR this period, 0 if none");
    private static final Argument NEW_CUSTOMERS = new Argument("new_customers", ArgType.COUNT, "customers acquired");

    private RevenueFunctions() {}

    public static List<KpiFunction> all()
    {
        return List.of(mrr(), arr(), arpu(), DistinctFunctions.arppu(),
                movement("new_mrr", NEW_MRR, "Returns new MRR: the current MRR of customers who had none last period", "Σ current_mrr where previous_mrr = 0 and current_mrr > 0", 400.0, "input currency"),
                movement("expansion_mrr", EXPANSION_MRR, "Returns expansion MRR: the MRR gained from customers who pay more than last period", "Σ (current_mrr − previous_mrr) where 0 < previous_mrr < current_mrr", 2000.0, "input currency"),
                movement("contraction_mrr", CONTRACTION_MRR, "Returns contraction MRR: the MRR lost from customers who pay less than last period but still pay", "Σ (previous_mrr − current_mrr) where 0 < current_mrr < previous_mrr", 500.0, "input currency, ≥ 0"),
                movement("churned_mrr", CHURNED_MRR, "Returns churned MRR: the previous MRR of customers who pay nothing this period", "Σ previous_mrr where previous_mrr > 0 and current_mrr = 0", 1000.0, "input currency, ≥ 0"),
                movement("net_new_mrr", NET_NEW_MRR, "Returns net new MRR: new plus expansion minus contraction and churned MRR", "new + expansion − contraction − churned = Σ (current_mrr − previous_mrr)", 900.0, "input currency"),
                movement("net_revenue_retention", NET_REVENUE_RETENTION, "Returns net revenue (dollar) retention: this period's MRR of last period's customers as a percentage of their MRR last period",
                        "100 × (start + expansion − contraction − churned) / start, start = Σ previous_mrr where previous_mrr > 0", 105.0, "percent"),
                movement("gross_revenue_retention", GROSS_REVENUE_RETENTION, "Returns gross revenue retention: last period's MRR kept, ignoring expansion, as a percentage of it",
                        "100 × Σ min(previous_mrr, current_mrr) / Σ previous_mrr, over previous_mrr > 0", 85.0, "percent (0..100)"),
                movement("saas_quick_ratio", SAAS_QUICK_RATIO, "Returns the SaaS quick ratio: MRR gained (new and expansion) per unit of MRR lost (contraction and churned)",
                        "(new + expansion) / (contraction + churned)", 1.6, "ratio"),
                mrrMovement(), clv(),
                new KpiFunction("cac", Kind.AGGREGATE, SqlType.DOUBLE, "input currency per customer",
                        MONEY_NOTES + " A negative count fails the query; zero new customers return NULL.",
                        List.of(Overload.aggregate(List.of(new Argument("acquisition_cost", ArgType.MONEY, "sales and marketing spend"), NEW_CUSTOMERS),
                                        "Returns the customer acquisition cost: acquisition spend per new customer",
                                        "Σacquisition_cost / Σnew_customers",
                                        () -> new MoneyPerCountAccumulator(CAC),
                                        new Example("two campaigns", List.of(row(10000.0, 50L), row(5000.0, 25L)), 200.0),
                                        new Example("no new customers: NULL", List.of(row(100.0, 0L), row(null, 5L)), null),
                                        Example.invalid("a negative count", List.of(row(100.0, -1L)), "cac: new_customers -1 is negative")),
                                Overload.aggregate(List.of(new Argument("sales_cost", ArgType.MONEY, "sales spend"), new Argument("marketing_cost", ArgType.MONEY, "marketing spend"), NEW_CUSTOMERS),
                                        "Returns the customer acquisition cost from sales and marketing spend: their sum per new customer",
                                        "(Σsales_cost + Σmarketing_cost) / Σnew_customers",
                                        () -> new MoneyPerCountAccumulator(CAC_FROM_PARTS),
                                        new Example("one quarter", List.of(row(6000.0, 4000.0, 50L)), 200.0),
                                        new Example("two months and a NULL row", List.of(row(1000.0, 500.0, 10L), row(2000.0, 1500.0, 15L), row(null, 900.0, 3L)), 200.0),
                                        Example.invalid("a negative cost", List.of(row(1.0, -1.0, 1L)), "cac: marketing_cost -1 is negative")))),
                costPer("customer_retention_cost", CUSTOMER_RETENTION_COST, "retention_cost", "spend on keeping customers", "customers", "customers retained",
                        "Returns the customer retention cost: retention spend per customer retained", 1000.0, 200L, 5.0),
                costPer("cost_per_lead", COST_PER_LEAD, "campaign_cost", "campaign spend", "leads", "leads generated",
                        "Returns the cost per lead: campaign spend per lead generated", 500.0, 100L, 5.0),
                moneyRatio("romi", ROMI, "attributed_revenue", "revenue attributed to marketing", "marketing_cost", "marketing spend",
                        "Returns the return on marketing investment: attributed revenue net of marketing spend, as a percentage of the spend",
                        "100 × (Σattributed_revenue − Σmarketing_cost) / Σmarketing_cost", "percent", 15000.0, 10000.0, 50.0),
                moneyRatio("market_share", MARKET_SHARE, "company_sales", "the company's sales", "industry_sales", "the whole market's sales",
                        "Returns the market share: company sales as a percentage of industry sales",
                        "100 × Σcompany_sales / Σindustry_sales", "percent (0..100)", 250.0, 1000.0, 25.0));
    }

    private static KpiFunction mrr()
    {
        List<List<Object>> hundredCustomers = repeat(100, row(10.0));
        return new KpiFunction("mrr", Kind.AGGREGATE, SqlType.DOUBLE, "input currency per month",
                MONEY_NOTES + " An unknown billing period fails the query; a group of zero amounts returns 0.",
                List.of(Overload.aggregate(List.of(MONTHLY_AMOUNT),
                                "Returns monthly recurring revenue: the sum of monthly amounts",
                                "Σamount",
                                () -> new MoneySumAccumulator(MRR),
                                new Example("100 customers paying 10 a month", hundredCustomers, 1000.0),
                                new Example("NULL amounts are skipped", List.of(row(10.0), row((Object) null), row(5.5)), 15.5),
                                Example.invalid("a negative amount", List.of(row(-5.0)), "mrr: amount -5 is negative"),
                                Example.invalid("a NaN amount", List.of(row(Double.NaN)), "mrr: amount NaN is not a finite number"),
                                Example.overflow("a sum beyond DOUBLE", List.of(row(1.0e308), row(1.0e308)), "mrr: sum of amount overflows DOUBLE")),
                        Overload.aggregate(List.of(AMOUNT, BILLING_PERIOD),
                                "Returns monthly recurring revenue from amounts billed per period: each amount normalised to one month, then summed",
                                "Σ amount × {month: 1, quarter: 1/3, half_year: 1/6, year: 1/12, week: 52/12, day: 365/12}",
                                () -> new MoneySumAccumulator(MRR),
                                new Example("an annual plan counts amount ÷ 12", List.of(row(120.0, "annual")), 10.0),
                                new Example("mixed periods and spellings", List.of(row(1200.0, "Yearly"), row(100.0, "month"), row(300.0, "quarterly"), row(12.0, "week"), row(null, "month")), 352.0),
                                Example.invalid("an unknown billing period", List.of(row(10.0, "fortnight")),
                                        "mrr: billing_period 'fortnight' is unknown; allowed: " + BillingPeriod.ALLOWED),
                                Example.invalid("an infinite amount", List.of(row(Double.POSITIVE_INFINITY, "month")), "mrr: amount Infinity is not a finite number"))));
    }

    private static KpiFunction arr()
    {
        return new KpiFunction("arr", Kind.AGGREGATE, SqlType.DOUBLE, "input currency per year",
                MONEY_NOTES + " An unknown billing period fails the query.",
                List.of(Overload.aggregate(List.of(AMOUNT, BILLING_PERIOD),
                        "Returns annual recurring revenue: twelve times the monthly recurring revenue of amounts billed per period",
                        "12 × Σ amount normalised to one month",
                        () -> new MoneySumAccumulator(ARR),
                        new Example("an annual and a monthly plan", List.of(row(1200.0, "annual"), row(100.0, "Monthly")), 2400.0),
                        new Example("a half-yearly plan", List.of(row(600.0, "semiannual"), row(null, "year")), 1200.0),
                        Example.invalid("an unknown billing period", List.of(row(10.0, "biweekly")), "arr: billing_period 'biweekly' is unknown; allowed: " + BillingPeriod.ALLOWED))));
    }

    private static KpiFunction arpu()
    {
        return new KpiFunction("arpu", Kind.AGGREGATE, SqlType.DOUBLE, "input currency per user",
                MONEY_NOTES + " With user_id, each distinct user counts once however many rows it has.",
                List.of(Overload.aggregate(List.of(new Argument("revenue", ArgType.MONEY, "revenue of one user")),
                                "Returns the average revenue per user, each row being one user",
                                "Σrevenue / #rows",
                                () -> new MoneySumAccumulator(ARPU),
                                new Example("three users", List.of(row(10.0), row(20.0), row(30.0), row((Object) null)), 20.0),
                                new Example("a user who paid nothing still counts", List.of(row(0.0), row(50.0)), 25.0),
                                Example.invalid("a negative revenue", List.of(row(-1.0)), "arpu: revenue -1 is negative")),
                        DistinctFunctions.arpuByUser()));
    }

    private static KpiFunction movement(String name, MrrMovements kpi, String description, String formula, double expected, String unit)
    {
        // start MRR 10,000: +2,000 expansion, −500 contraction, −1,000 churn, 1,000 flat, and 400 of new MRR
        List<List<Object>> customers = List.of(row(5000.0, 7000.0), row(3000.0, 2500.0), row(1000.0, 0.0), row(1000.0, 1000.0), row(0.0, 400.0), row(0.0, 0.0), row(null, 80.0));
        return new KpiFunction(name, Kind.AGGREGATE, SqlType.DOUBLE, unit,
                MONEY_NOTES + " A non-empty group with no qualifying customer returns 0 for the sums, and NULL for a ratio whose denominator is 0.",
                List.of(Overload.aggregate(List.of(PREVIOUS, CURRENT), description, formula,
                        () -> new MrrMovementAccumulator(kpi),
                        new Example("start MRR 10,000, expansion 2,000, contraction 500, churn 1,000, new 400", customers, expected),
                        new Example("only NULL rows: empty group", List.of(row(null, 10.0)), null),
                        Example.invalid("a negative MRR", List.of(row(-1.0, 5.0)), name + ": previous_mrr -1 is negative"))));
    }

    private static KpiFunction mrrMovement()
    {
        return new KpiFunction(MRR_MOVEMENT, Kind.SCALAR, SqlType.VARCHAR, "label",
                "Returns NULL when either argument is NULL. A negative, NaN or infinite MRR fails the query.",
                List.of(Overload.scalar(List.of(PREVIOUS, CURRENT),
                        "Classifies a customer's MRR change as 'new', 'expansion', 'contraction', 'churn', 'flat' (equal and above 0) or 'inactive' (both 0)",
                        "previous = 0 < current → new; 0 < previous < current → expansion; 0 < current < previous → contraction; previous > 0 = current → churn; equal > 0 → flat; both 0 → inactive",
                        arguments -> MrrMovements.movement(Values.asDouble(arguments[0]), Values.asDouble(arguments[1])),
                        new Example("new", List.of(row(0.0, 100.0)), "new"),
                        new Example("expansion", List.of(row(100.0, 150.0)), "expansion"),
                        new Example("contraction", List.of(row(100.0, 50.0)), "contraction"),
                        new Example("churn", List.of(row(100.0, 0.0)), "churn"),
                        new Example("flat", List.of(row(100.0, 100.0)), "flat"),
                        new Example("inactive", List.of(row(0.0, 0.0)), "inactive"),
                        Example.invalid("a negative MRR", List.of(row(10.0, -3.0)), "mrr_movement: current_mrr -3 is negative"))));
    }

    private static KpiFunction clv()
    {
        return new KpiFunction(CLV, Kind.SCALAR, SqlType.DOUBLE, "input currency per customer",
                "Returns NULL when any argument is NULL. A negative, NaN or infinite argument fails the query, and so does a product too large for DOUBLE.",
                List.of(Overload.scalar(List.of(new Argument("avg_purchase_value", ArgType.MONEY, "average value of a purchase"),
                                new Argument("purchases_per_year", ArgType.NUMBER, "purchases per customer per year, ≥ 0"),
                                new Argument("lifespan_years", ArgType.NUMBER, "expected customer lifespan in years, ≥ 0")),
                        "Returns the customer lifetime value: average purchase value × purchases per year × lifespan in years",
                        "avg_purchase_value × purchases_per_year × lifespan_years",
                        arguments -> clv(Values.asDouble(arguments[0]), Values.asDouble(arguments[1]), Values.asDouble(arguments[2])),
                        new Example("10,000 a year for five years", List.of(row(10000.0, 1.0, 5.0)), 50000.0),
                        new Example("two purchases of 5,000 a year for five years", List.of(row(5000.0, 2.0, 5.0)), 50000.0),
                        Example.invalid("a negative value", List.of(row(-1.0, 1.0, 1.0)), "clv: avg_purchase_value -1 is negative"),
                        Example.overflow("a product beyond DOUBLE", List.of(row(1.0e200, 1.0e200, 1.0)), "clv: result overflows DOUBLE"))));
    }

    /** avg_purchase_value × purchases_per_year × lifespan_years. */
    public static double clv(double avgPurchaseValue, double purchasesPerYear, double lifespanYears)
    {
        double value = Check.nonNegative(CLV, "avg_purchase_value", avgPurchaseValue)
                * Check.nonNegative(CLV, "purchases_per_year", purchasesPerYear)
                * Check.nonNegative(CLV, "lifespan_years", lifespanYears);
        if (!Double.isFinite(value)) {
            throw KpiException.overflow(CLV, "result", "DOUBLE");
        }
        return value;
    }

    private static KpiFunction costPer(String name, MoneyPerCount kpi, String moneyName, String moneyMeaning, String countName, String countMeaning,
            String description, double money, long count, double expected)
    {
        return new KpiFunction(name, Kind.AGGREGATE, SqlType.DOUBLE, "input currency per " + countName.replaceAll("s$", ""),
                MONEY_NOTES + " A negative count fails the query; a zero Σ" + countName + " returns NULL.",
                List.of(Overload.aggregate(List.of(new Argument(moneyName, ArgType.MONEY, moneyMeaning), new Argument(countName, ArgType.COUNT, countMeaning)),
                        description, "Σ" + moneyName + " / Σ" + countName,
                        () -> new MoneyPerCountAccumulator(kpi),
                        new Example("one period", List.of(row(money, count)), expected),
                        new Example("two periods and a NULL row", List.of(row(money / 2, count / 2), row(money / 2, count / 2), row(null, 7L)), expected),
                        new Example("zero " + countName + ": NULL", List.of(row(money, 0L)), null),
                        Example.invalid("a negative amount", List.of(row(-1.0, 1L)), name + ": " + moneyName + " -1 is negative"))));
    }

    private static KpiFunction moneyRatio(String name, MoneyRatio kpi, String first, String firstMeaning, String second, String secondMeaning,
            String description, String formula, String unit, double a, double b, double expected)
    {
        List<List<Object>> split = new ArrayList<>();
        split.add(row(a / 4, b / 2));
        split.add(row(a * 3 / 4, b / 2));
        split.add(row(null, b));
        return new KpiFunction(name, Kind.AGGREGATE, SqlType.DOUBLE, unit,
                MONEY_NOTES + " A zero Σ" + second + " returns NULL.",
                List.of(Overload.aggregate(List.of(new Argument(first, ArgType.MONEY, firstMeaning), new Argument(second, ArgType.MONEY, secondMeaning)),
                        description, formula,
                        () -> new MoneyRatioAccumulator(kpi),
                        new Example("one period", List.of(row(a, b)), expected),
                        new Example("two periods and a NULL row", split, expected),
                        new Example("zero " + second + ": NULL", List.of(row(a, 0.0)), null),
                        Example.invalid("a negative amount", List.of(row(1.0, -1.0)), name + ": " + second + " -1 is negative"))));
    }
}
