import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the example datasets of sql-examples/data: a fictional SaaS and e-commerce product,
 * "Acme Analytics", through 2025. Deterministic (fixed seeds, java.util.Random whose algorithm
 * is specified), so re-running it reproduces the committed files byte for byte:
 *
 *   java sql-examples/generator/GenerateData.java sql-examples/data
 *
 * Some realism on purpose: weekly and yearly seasonality in activity, a price change in July
 * that dents NPS and causes a churn spike in July and August, and a feature ("smart_reports")
 * launched in April whose adoption then grows.
 */
public final class GenerateData
{
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 365;
    private static final String[] SEGMENTS = {"smb", "mid_market", "enterprise"};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path dir;

    private GenerateData(Path dir)
    {
        this.dir = dir;
    }

    public static void main(String[] args)
            throws IOException
    {
        Path dir = Path.of(args.length > 0 ? args[0] : "sql-examples/data");
        Files.createDirectories(dir);
        GenerateData data = new GenerateData(dir);
        data.surveyResponses();
        List<Customer> customers = data.customers();
        data.customerMrr(customers);
        data.subscriptions(customers);
        data.activity();
        data.sessionsAndPageViews();
        data.featureUsage();
        data.cartsAndOrders();
        data.campaigns();
        data.emailSends();
        data.supportTickets(customers);
        data.onboarding();
        data.market();
        data.events();
        data.experiments();
    }

    private static final class Customer
    {
        final long id;
        final String segment;
        final String plan;
        final int joinedMonth; // 0 = before 2025
        int churnedMonth = 99; // first month with zero MRR
        final double[] mrr = new double[13]; // index 0 = December 2024, 1..12 = 2025

        Customer(long id, String segment, String plan, int joinedMonth)
        {
            this.id = id;
            this.segment = segment;
            this.plan = plan;
            this.joinedMonth = joinedMonth;
        }
    }

    // ---- surveys: NPS, CSAT and CES answers ----------------------------------------------

    private void surveyResponses()
            throws IOException
    {
        Random random = new Random(1);
        try (PrintWriter out = writer("survey_responses.csv")) {
            out.println("response_id,user_id,segment,channel,responded_on,nps_score,csat_score,ces_score");
            int id = 0;
            for (int day = 0; day < DAYS; day++) {
                LocalDate date = FIRST_DAY.plusDays(day);
                int responses = 8 + random.nextInt(10);
                for (int i = 0; i < responses; i++) {
                    String segment = SEGMENTS[weighted(random, 0.55, 0.30)];
                    // the July price change costs about a point of likelihood to recommend for three months
                    double mood = random.nextGaussian() * 2.2 + (segment.equals("enterprise") ? 8.0 : 7.4)
                            - (date.getMonthValue() >= 7 && date.getMonthValue() <= 9 ? 1.0 : 0.0);
                    int nps = clamp((int) Math.round(mood), 0, 10);
                    int csat = clamp((int) Math.round(1 + (mood / 10) * 4 + random.nextGaussian() * 0.6), 1, 5);
                    int ces = clamp((int) Math.round(7 - mood / 10 * 5 + random.nextGaussian()), 1, 7);
                    String channel = random.nextInt(4) == 0 ? "in_app" : "email";
                    // about 3 % of answers leave the NPS question blank
                    String npsText = random.nextInt(33) == 0 ? "" : Integer.toString(nps);
                    out.printf(Locale.ROOT, "%d,u%05d,%s,%s,%s,%s,%d,%d%n", ++id, 1 + random.nextInt(4000), segment, channel, date, npsText, csat, ces);
                }
            }
        }
    }

    // ---- customers and MRR ------------------------------------------------------------------

    private List<Customer> customers()
    {
        Random random = new Random(2);
        List<Customer> customers = new ArrayList<>();
        String[] plans = {"starter", "growth", "scale"};
        double[] basePrice = {49, 199, 899};
        long id = 1000;
        for (int month = 0; month <= 12; month++) {
            int joining = month == 0 ? 420 : 22 + random.nextInt(14) + (month >= 4 && month <= 6 ? 10 : 0);
            for (int i = 0; i < joining; i++) {
                int plan = weighted(random, 0.55, 0.33);
                String segment = SEGMENTS[plan];
                Customer customer = new Customer(++id, segment, plans[plan], month);
                double price = basePrice[plan] * (1 + random.nextInt(4)) * (0.9 + random.nextInt(3) * 0.1);
                for (int m = month; m <= 12; m++) {
                    if (m > month) {
                        // monthly churn ~2 %, spiking to ~6 % after the July price change
                        double churn = m == 7 || m == 8 ? 0.06 : 0.02;
                        if (random.nextDouble() < churn) {
                            customer.churnedMonth = m;
                            break;
                        }
                        double move = random.nextDouble();
                        if (move < 0.04) {
                            price = Math.round(price * 1.5 * 100) / 100.0; // expansion: more seats
                        }
                        else if (move < 0.06) {
                            price = Math.round(price * 0.7 * 100) / 100.0; // contraction
                        }
                        else if (m == 7) {
                            price = Math.round(price * 1.1 * 100) / 100.0; // the price change
                        }
                    }
                    customer.mrr[m] = price;
                }
                customers.add(customer);
            }
        }
        return customers;
    }

    private void customerMrr(List<Customer> customers)
            throws IOException
    {
        try (PrintWriter out = writer("customer_mrr.csv");
                PrintWriter counts = writer("customer_counts.csv")) {
            out.println("month,customer_id,segment,plan,previous_mrr,current_mrr");
            counts.println("month,segment,start_customers,new_customers,lost_customers,end_customers");
            for (int m = 1; m <= 12; m++) {
                LocalDate month = FIRST_DAY.withMonth(m);
                for (String segment : SEGMENTS) {
                    long start = 0;
                    long fresh = 0;
                    long lost = 0;
                    long end = 0;
                    for (Customer c : customers) {
                        if (!c.segment.equals(segment)) {
                            continue;
                        }
                        double previous = c.mrr[m - 1];
                        double current = c.mrr[m];
                        if (previous == 0 && current == 0) {
                            continue;
                        }
                        out.printf(Locale.ROOT, "%s,%d,%s,%s,%s,%s%n", month, c.id, c.segment, c.plan, money(previous), money(current));
                        start += previous > 0 ? 1 : 0;
                        fresh += previous == 0 && current > 0 ? 1 : 0;
                        lost += previous > 0 && current == 0 ? 1 : 0;
                        end += current > 0 ? 1 : 0;
                    }
                    counts.printf(Locale.ROOT, "%s,%s,%d,%d,%d,%d%n", month, segment, start, fresh, lost, end);
                }
            }
        }
    }

    private void subscriptions(List<Customer> customers)
            throws IOException
    {
        Random random = new Random(3);
        // billing periods as billing systems export them: mixed case and synonyms
        String[][] periods = {{"month", "monthly", "Monthly"}, {"quarter", "quarterly"}, {"year", "annual", "Yearly"}, {"week", "weekly"}};
        double[] months = {1, 3, 12, 12.0 / 52};
        try (PrintWriter out = writer("subscriptions.csv")) {
            out.println("subscription_id,customer_id,segment,billing_period,amount,active_on");
            int id = 0;
            for (Customer c : customers) {
                if (c.mrr[12] == 0) {
                    continue;
                }
                int kind = c.segment.equals("enterprise") ? (random.nextInt(3) == 0 ? 0 : 2) : weighted(random, 0.7, 0.12, 0.15);
                String period = periods[kind][random.nextInt(periods[kind].length)];
                double amount = Math.round(c.mrr[12] * months[kind] * 100) / 100.0;
                out.printf(Locale.ROOT, "%d,%d,%s,%s,%s,%s%n", ++id, c.id, c.segment, period, money(amount), LocalDate.of(2025, 12, 31));
            }
        }
    }

    // ---- product activity --------------------------------------------------------------------

    private void activity()
            throws IOException
    {
        Random random = new Random(4);
        int users = 1200;
        double[] engagement = new double[users + 1];
        for (int u = 1; u <= users; u++) {
            // a few power users, many occasional ones
            engagement[u] = Math.min(0.95, Math.pow(random.nextDouble(), 2.5));
        }
        try (PrintWriter out = writer("user_activity.csv")) {
            out.println("user_id,activity_date,platform");
            for (int day = 0; day < DAYS; day++) {
                LocalDate date = FIRST_DAY.plusDays(day);
                double weekday = date.getDayOfWeek().getValue() >= 6 ? 0.55 : 1.0;
                double season = 1 + 0.15 * Math.cos((day - 45) * 2 * Math.PI / 365); // quieter in summer
                for (int u = 1; u <= users; u++) {
                    if (random.nextDouble() < engagement[u] * weekday * season * 0.5) {
                        out.printf(Locale.ROOT, "%d,%s,%s%n", u, date, random.nextInt(3) == 0 ? "mobile" : "web");
                    }
                }
            }
        }
    }

    private void sessionsAndPageViews()
            throws IOException
    {
        Random random = new Random(5);
        String[] pages = {"/", "/pricing", "/features", "/docs", "/blog", "/signup", "/checkout"};
        String[] channels = {"organic", "paid_search", "social", "email", "direct"};
        try (PrintWriter sessions = writer("web_sessions.csv");
                PrintWriter views = writer("page_views.csv")) {
            sessions.println("session_id,user_id,channel,session_start,session_end,pageviews,converted");
            views.println("session_id,viewed_at,page");
            int id = 0;
            for (int day = 0; day < DAYS; day += 1) {
                LocalDate date = FIRST_DAY.plusDays(day);
                int count = 10 + random.nextInt(12);
                for (int i = 0; i < count; i++) {
                    String session = String.format(Locale.ROOT, "s%06d", ++id);
                    LocalDateTime start = date.atStartOfDay().plusSeconds(6 * 3600 + random.nextInt(16 * 3600));
                    int pageviews = random.nextInt(10) < 4 ? 1 : 2 + (int) Math.abs(random.nextGaussian() * 4);
                    LocalDateTime at = start;
                    for (int p = 0; p < pageviews; p++) {
                        views.printf(Locale.ROOT, "%s,%s,%s%n", session, TIMESTAMP.format(at), pages[p == 0 ? random.nextInt(5) : random.nextInt(pages.length)]);
                        at = at.plusSeconds(5 + random.nextInt(180));
                    }
                    // a single-page visit still lasts a few seconds
                    LocalDateTime end = pageviews == 1 ? start.plusSeconds(3 + random.nextInt(40)) : at;
                    boolean converted = pageviews > 2 && random.nextInt(12) == 0;
                    sessions.printf(Locale.ROOT, "%s,%d,%s,%s,%s,%d,%s%n", session, 1 + random.nextInt(1200), channels[random.nextInt(channels.length)],
                            TIMESTAMP.format(start), TIMESTAMP.format(end), pageviews, converted);
                }
            }
        }
    }

    private void featureUsage()
            throws IOException
    {
        Random random = new Random(6);
        String[] features = {"dashboards", "alerts", "smart_reports"};
        try (PrintWriter out = writer("feature_usage.csv")) {
            out.println("month,user_id,feature,used_feature");
            for (int m = 1; m <= 12; m++) {
                LocalDate month = FIRST_DAY.withMonth(m);
                for (int u = 1; u <= 400; u++) {
                    for (String feature : features) {
                        double p = switch (feature) {
                            case "dashboards" -> 0.7;
                            case "alerts" -> 0.35;
                            // launched in April, adoption then grows month by month
                            default -> m < 4 ? 0 : Math.min(0.6, 0.08 * (m - 3));
                        };
                        if (feature.equals("smart_reports") && m < 4) {
                            continue;
                        }
                        out.printf(Locale.ROOT, "%s,%d,%s,%s%n", month, u, feature, random.nextDouble() < p);
                    }
                }
            }
        }
    }

    // ---- commerce -----------------------------------------------------------------------------

    private void cartsAndOrders()
            throws IOException
    {
        Random random = new Random(7);
        try (PrintWriter carts = writer("carts.csv");
                PrintWriter orders = writer("orders.csv")) {
            carts.println("cart_id,user_id,created_on,items,purchased");
            orders.println("order_id,cart_id,customer_id,ordered_on,revenue,items_purchased,items_returned");
            int cartId = 0;
            int orderId = 0;
            for (int day = 0; day < DAYS; day++) {
                LocalDate date = FIRST_DAY.plusDays(day);
                // November and December are busier, and carts are abandoned a little less
                boolean holidays = date.getMonthValue() >= 11;
                int count = 12 + random.nextInt(8) + (holidays ? 10 : 0);
                for (int i = 0; i < count; i++) {
                    int items = 1 + random.nextInt(5);
                    boolean purchased = random.nextDouble() < (holidays ? 0.38 : 0.30);
                    long user = 1 + random.nextInt(3000);
                    carts.printf(Locale.ROOT, "%d,%d,%s,%d,%s%n", ++cartId, user, date, items, purchased);
                    if (purchased) {
                        double revenue = 0;
                        for (int k = 0; k < items; k++) {
                            revenue += 9.99 + random.nextInt(90);
                        }
                        int returned = random.nextInt(10) == 0 ? 1 + random.nextInt(items) : 0;
                        orders.printf(Locale.ROOT, "%d,%d,%d,%s,%s,%d,%d%n", ++orderId, cartId, user, date, money(revenue), items, returned);
                    }
                }
            }
        }
    }

    // ---- marketing ------------------------------------------------------------------------------

    private void campaigns()
            throws IOException
    {
        Random random = new Random(8);
        String[] channels = {"paid_search", "social", "display", "events"};
        try (PrintWriter out = writer("campaigns.csv")) {
            out.println("campaign_id,month,channel,campaign_cost,sales_cost,marketing_cost,impressions,clicks,engagements,visitors,leads,conversions,new_customers,attributed_revenue,retention_cost,customers_retained");
            int id = 0;
            for (int m = 1; m <= 12; m++) {
                for (String channel : channels) {
                    long impressions = 40_000 + random.nextInt(60_000);
                    long clicks = impressions * (8 + random.nextInt(20)) / 1000;
                    long engagements = clicks + impressions * (5 + random.nextInt(10)) / 1000;
                    long visitors = clicks * (70 + random.nextInt(25)) / 100;
                    long leads = visitors * (4 + random.nextInt(8)) / 100;
                    long conversions = leads * (10 + random.nextInt(20)) / 100;
                    // events in Q2 produce no customers at all in one month: a zero denominator for CAC
                    long newCustomers = channel.equals("events") && m == 5 ? 0 : Math.max(1, conversions / 2);
                    double marketing = 2000 + random.nextInt(6000);
                    double sales = channel.equals("events") ? 3000 + random.nextInt(3000) : 500 + random.nextInt(1000);
                    double revenue = newCustomers * (150 + random.nextInt(400)) * 3.0;
                    double retentionCost = 300 + random.nextInt(900);
                    long retained = 100 + random.nextInt(300);
                    out.printf(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%s,%s,%d%n", ++id, FIRST_DAY.withMonth(m), channel,
                            money(marketing + sales), money(sales), money(marketing), impressions, clicks, engagements, visitors, leads, conversions,
                            newCustomers, money(revenue), money(retentionCost), retained);
                }
            }
        }
    }

    private void emailSends()
            throws IOException
    {
        Random random = new Random(9);
        String[] kinds = {"newsletter", "product_update", "winback"};
        try (PrintWriter out = writer("email_sends.csv")) {
            out.println("send_id,sent_on,kind,sent,delivered,opens,clicks");
            int id = 0;
            for (int week = 0; week < 52; week++) {
                for (String kind : kinds) {
                    if (kind.equals("winback") && week % 4 != 0) {
                        continue;
                    }
                    long sent = 5000 + random.nextInt(3000);
                    long delivered = sent * (95 + random.nextInt(4)) / 100;
                    long opens = delivered * (18 + random.nextInt(15)) / 100;
                    long clicks = opens * (8 + random.nextInt(12)) / 100;
                    out.printf(Locale.ROOT, "%d,%s,%s,%d,%d,%d,%d%n", ++id, FIRST_DAY.plusDays(week * 7L + 1), kind, sent, delivered, opens, clicks);
                }
            }
        }
    }

    // ---- support and onboarding -------------------------------------------------------------

    private void supportTickets(List<Customer> customers)
            throws IOException
    {
        Random random = new Random(10);
        String[] channels = {"email", "chat", "phone"};
        try (PrintWriter out = writer("support_tickets.csv")) {
            out.println("ticket_id,customer_id,channel,opened_at,resolved_at,resolved_on_first_contact");
            int id = 0;
            for (int day = 0; day < DAYS; day++) {
                LocalDate date = FIRST_DAY.plusDays(day);
                int count = 6 + random.nextInt(8) + (date.getMonthValue() == 7 ? 6 : 0);
                for (int i = 0; i < count; i++) {
                    String channel = channels[random.nextInt(channels.length)];
                    LocalDateTime opened = date.atStartOfDay().plusSeconds(random.nextInt(86_400));
                    boolean first = random.nextDouble() < (channel.equals("phone") ? 0.78 : channel.equals("chat") ? 0.7 : 0.55);
                    long minutes = first ? 5 + random.nextInt(120) : 120 + random.nextInt(60 * 48);
                    // a ticket still open at export time has no resolved_at
                    String resolved = day > DAYS - 3 && random.nextInt(3) == 0 ? "" : TIMESTAMP.format(opened.plusMinutes(minutes));
                    Customer customer = customers.get(random.nextInt(customers.size()));
                    out.printf(Locale.ROOT, "%d,%d,%s,%s,%s,%s%n", ++id, customer.id, channel, TIMESTAMP.format(opened), resolved, first);
                }
            }
        }
    }

    private void onboarding()
            throws IOException
    {
        Random random = new Random(11);
        try (PrintWriter out = writer("onboarding.csv")) {
            out.println("user_id,signup_month,signed_up_at,first_value_at");
            for (int u = 1; u <= 1500; u++) {
                LocalDateTime signedUp = FIRST_DAY.atStartOfDay().plusSeconds((long) random.nextInt(DAYS) * 86_400 + random.nextInt(86_400));
                // after the April launch of guided setup, users reach value faster
                double hours = Math.exp(random.nextGaussian() * 0.9 + (signedUp.getMonthValue() >= 4 ? 2.6 : 3.3));
                String firstValue = random.nextInt(6) == 0 ? "" : TIMESTAMP.format(signedUp.plusSeconds((long) (hours * 3600)));
                out.printf(Locale.ROOT, "%d,%s,%s,%s%n", u, signedUp.toLocalDate().withDayOfMonth(1), TIMESTAMP.format(signedUp), firstValue);
            }
        }
    }

    private void market()
            throws IOException
    {
        Random random = new Random(12);
        String[] regions = {"north_america", "europe", "asia_pacific"};
        try (PrintWriter out = writer("market_sales.csv")) {
            out.println("quarter,region,company_sales,industry_sales");
            for (int q = 1; q <= 4; q++) {
                for (String region : regions) {
                    double industry = 2_000_000 + random.nextInt(3_000_000);
                    double share = 0.04 + random.nextInt(60) / 1000.0 + q * 0.004;
                    out.printf(Locale.ROOT, "2025-Q%d,%s,%s,%s%n", q, region, money(Math.round(industry * share)), money(industry));
                }
            }
        }
    }

    // ---- experiments: A/B tests ------------------------------------------------------------------

    /**
     * Two A/B tests, one row per user assigned: {@code checkout_redesign} (February–March, a new
     * checkout that lifts conversion from about 10 % to 12 %; revenue per user with the heavy
     * tail of real orders, mostly zero; an NPS question answered by about a quarter of the users,
     * a little warmer for the new checkout) and {@code pricing_page} (June, planned 50/50, but a
     * redirect bug loses about 15 % of the treatment's users before they are logged: a sample-ratio
     * mismatch, and no real difference otherwise). {@code experiment_arms} holds each arm's planned
     * share.
     */
    private void experiments()
            throws IOException
    {
        Random random = new Random(16);
        try (PrintWriter users = writer("experiment_users.csv");
                PrintWriter arms = writer("experiment_arms.csv")) {
            users.println("experiment,user_id,arm,assigned_on,converted,revenue,nps_score");
            arms.println("experiment,arm,planned_share");
            for (String arm : new String[] {"control", "treatment"}) {
                arms.printf(Locale.ROOT, "checkout_redesign,%s,0.5%n", arm);
                arms.printf(Locale.ROOT, "pricing_page,%s,0.5%n", arm);
            }
            long user = 500_000;
            for (int i = 0; i < 10_000; i++) {
                boolean treatment = random.nextBoolean();
                LocalDate assigned = LocalDate.of(2025, 2, 1).plusDays(random.nextInt(56));
                boolean converted = random.nextDouble() < (treatment ? 0.12 : 0.10);
                // order values: lognormal around 40, a few very large baskets
                double revenue = converted ? Math.round(Math.exp(3.4 + random.nextGaussian() * 0.9) * 100) / 100.0 : 0;
                String nps = random.nextInt(4) == 0 ? Integer.toString(experimentScore(random, treatment ? 0.3 : 0.0)) : "";
                users.printf(Locale.ROOT, "checkout_redesign,%d,%s,%s,%s,%s,%s%n", ++user, treatment ? "treatment" : "control", assigned, converted, money(revenue), nps);
            }
            for (int i = 0; i < 7_000; i++) {
                boolean treatment = random.nextBoolean();
                // the redirect bug: some treatment users never reach the logging
                if (treatment && random.nextDouble() < 0.15) {
                    continue;
                }
                LocalDate assigned = LocalDate.of(2025, 6, 2).plusDays(random.nextInt(28));
                boolean converted = random.nextDouble() < 0.06;
                double revenue = converted ? Math.round(Math.exp(4.2 + random.nextGaussian() * 0.7) * 100) / 100.0 : 0;
                String nps = random.nextInt(5) == 0 ? Integer.toString(experimentScore(random, 0.0)) : "";
                users.printf(Locale.ROOT, "pricing_page,%d,%s,%s,%s,%s,%s%n", ++user, treatment ? "treatment" : "control", assigned, converted, money(revenue), nps);
            }
        }
    }

    /** A 0..10 answer to "how likely are you to recommend us", a little higher by {@code lift}. */
    private static int experimentScore(Random random, double lift)
    {
        return clamp((int) Math.round(random.nextGaussian() * 2.3 + 7.3 + lift), 0, 10);
    }

    // ---- the raw event log ----------------------------------------------------------------------

    /** One row of events.csv. */
    private record Event(long userId, LocalDateTime time, String event, String channel, String page) {}

    /**
     * An event log as a product records it: page views in visits (sessions) of a few minutes, the
     * funnel signup → activation → first payment, and errors, some followed by a support contact.
     * Visitors arrive through a channel that decides how likely they sign up; the timestamps are
     * whole seconds, distinct within a user, and the file is in time order, as an export is.
     */
    private void events()
            throws IOException
    {
        Random random = new Random(13);
        String[] channels = {"organic", "paid_search", "social", "email", "referral"};
        double[] channelShare = {0.34, 0.26, 0.18, 0.12};
        double[] signupRate = {0.16, 0.11, 0.07, 0.24, 0.28};
        String[] pages = {"/", "/pricing", "/features", "/docs", "/blog", "/integrations", "/signup"};
        List<Event> events = new ArrayList<>();
        for (int u = 0; u < 20_000; u++) {
            long userId = 100_001 + u;
            int channel = weighted(random, channelShare);
            // arrivals through the year, busier in spring
            int firstDay = (int) Math.min(DAYS - 1, Math.abs(random.nextGaussian() * 110 + 150));
            LocalDateTime first = FIRST_DAY.plusDays(firstDay).atStartOfDay().plusSeconds(7 * 3600 + random.nextInt(15 * 3600));
            java.util.TreeSet<LocalDateTime> taken = new java.util.TreeSet<>();
            List<LocalDateTime> visitStarts = new ArrayList<>();
            LocalDateTime visit = first;
            int visits = 1 + (int) Math.min(25, -Math.log(1 - random.nextDouble()) * 3);
            for (int v = 0; v < visits && visit.getYear() == 2025; v++) {
                visitStarts.add(visit);
                // visits apart by 40 minutes to a couple of weeks
                visit = visit.plusSeconds(2_400 + (long) (-Math.log(1 - random.nextDouble()) * 4 * 86_400));
            }
            List<LocalDateTime> views = new ArrayList<>();
            for (LocalDateTime start : visitStarts) {
                int count = random.nextInt(10) < 4 ? 1 : 2 + (int) Math.abs(random.nextGaussian() * 4);
                LocalDateTime at = start;
                for (int p = 0; p < count; p++) {
                    at = distinct(taken, at);
                    views.add(at);
                    events.add(new Event(userId, at, "page_view", channels[channel], pages[p == 0 ? random.nextInt(5) : random.nextInt(pages.length)]));
                    at = at.plusSeconds(5 + random.nextInt(240));
                }
                // an error now and then, often followed by a support contact: within minutes, sometimes after a while
                if (random.nextInt(14) == 0) {
                    LocalDateTime error = distinct(taken, start.plusSeconds(10 + random.nextInt(300)));
                    events.add(new Event(userId, error, "error", channels[channel], null));
                    if (random.nextInt(3) == 0) {
                        long delay = random.nextInt(4) == 0 ? 900 + random.nextInt(3_600) : 60 + random.nextInt(480);
                        events.add(new Event(userId, distinct(taken, error.plusSeconds(delay)), "support_contact", channels[channel], null));
                    }
                }
                else if (random.nextInt(200) == 0) {
                    events.add(new Event(userId, distinct(taken, start.plusSeconds(30 + random.nextInt(600))), "support_contact", channels[channel], null));
                }
            }
            // the funnel: a signup right after one of the first views, then activation and a first payment, each
            // usually within days — sometimes too late for a 7-day funnel
            if (random.nextDouble() < signupRate[channel] * 1.6) {
                LocalDateTime view = views.get(Math.min(views.size() - 1, random.nextInt(Math.min(views.size(), 6))));
                LocalDateTime signup = distinct(taken, view.plusSeconds(20 + random.nextInt(600)));
                events.add(new Event(userId, signup, "signup", channels[channel], null));
                if (random.nextDouble() < 0.62) {
                    LocalDateTime activation = distinct(taken, signup.plusSeconds((long) (-Math.log(1 - random.nextDouble()) * 2.5 * 86_400)));
                    events.add(new Event(userId, activation, "activation", channels[channel], null));
                    if (random.nextDouble() < (channel == 3 ? 0.5 : 0.36)) {
                        LocalDateTime payment = distinct(taken, activation.plusSeconds((long) (-Math.log(1 - random.nextDouble()) * 3 * 86_400)));
                        events.add(new Event(userId, payment, "first_payment", channels[channel], null));
                    }
                }
            }
        }
        events.removeIf(event -> event.time().getYear() != 2025);
        events.sort(java.util.Comparator.comparing(Event::time).thenComparingLong(Event::userId));
        try (PrintWriter out = writer("events.csv")) {
            out.println("user_id,event_time,event,channel,page");
            for (Event event : events) {
                out.printf(Locale.ROOT, "%d,%s,%s,%s,%s%n", event.userId(), TIMESTAMP.format(event.time()), event.event(), event.channel(), event.page() == null ? "" : event.page());
            }
        }
    }

    /** The first second at or after {@code time} that the user has no event at yet. */
    private static LocalDateTime distinct(java.util.TreeSet<LocalDateTime> taken, LocalDateTime time)
    {
        LocalDateTime at = time;
        while (!taken.add(at)) {
            at = at.plusSeconds(1);
        }
        return at;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private PrintWriter writer(String name)
            throws IOException
    {
        return new PrintWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8));
    }

    /** Index 0 with probability p[0], 1 with p[1], …, the last index with the rest. */
    private static int weighted(Random random, double... p)
    {
        double x = random.nextDouble();
        for (int i = 0; i < p.length; i++) {
            if (x < p[i]) {
                return i;
            }
            x -= p[i];
        }
        return p.length;
    }

    private static int clamp(int value, int min, int max)
    {
        return Math.max(min, Math.min(max, value));
    }

    private static String money(double value)
    {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
