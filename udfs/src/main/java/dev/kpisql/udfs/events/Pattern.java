package dev.kpisql.udfs.events;

import dev.kpisql.udfs.KpiException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pattern of {@code sequence_match} and {@code sequence_count} in ClickHouse's grammar, parsed
 * once and matched by ClickHouse's algorithms (contract S6; ClickHouse
 * {@code src/AggregateFunctions/AggregateFunctionSequenceMatch.h}).
 *
 * <p>Grammar, without whitespace: {@code (?N)} an event where condition N holds; {@code .} any one
 * event; {@code .*} any number of events; {@code (?t OP S)}, OP one of {@code < <= > >= ==}, right
 * after an element: the next element may match any later event whose time since the previously
 * matched event satisfies OP S. A match may start at any event (an implicit leading {@code .*}) and
 * need not reach the last event. S is seconds with a TIMESTAMP clock, the clock's unit with a
 * BIGINT one.
 *
 * <p>Matching: without time constraints, {@code sequence_match} simulates the pattern's automaton
 * over the events in one pass. With them, and for {@code sequence_count}, a first pass checks that
 * the pattern's fixed runs of {@code (?N)} and {@code .} occur in order at all, then a backtracking
 * search — which tries {@code .*} lazily — finds the leftmost match; {@code sequence_count} counts
 * non-overlapping matches left to right, each search starting after the last event the previous
 * match used (one event later when it used none). The search is bounded: past
 * {@value #BASE_STEPS} + {@value #STEPS_PER_EVENT} × events × (pattern elements + 1) steps for one match
 * it fails with a clear error (ClickHouse stops at 1,000,000 steps whatever the group's size).
 *
 * <p>Differences from ClickHouse's parser: an empty pattern, a condition 0, and a time constraint at
 * the start of the pattern are errors here (ClickHouse accepts them); a pattern that ends in
 * {@code .*} or a time constraint is matched as its grammar says (ClickHouse can read past its end).
 * Instances are immutable and shared between groups.
 */
final class Pattern
{
    static final long BASE_STEPS = 1_000_000;
    static final long STEPS_PER_EVENT = 8;

    private static final int SPECIFIC = 0;
    private static final int ANY = 1;
    private static final int KLEENE = 2;
    private static final int TIME_LESS_OR_EQUAL = 3;
    private static final int TIME_LESS = 4;
    private static final int TIME_GREATER_OR_EQUAL = 5;
    private static final int TIME_GREATER = 6;
    private static final int TIME_EQUAL = 7;

    /** Parsed patterns by text, condition count and clock: a query's groups share one. */
    private static final Map<Key, Pattern> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_SIZE = 256;

    private record Key(String function, String text, int conditions, Clock clock) {}

    private final String function;
    private final String text;
    /** Action types and their argument: a condition index or an amount in clock units. */
    private final int[] types;
    private final long[] arguments;
    private final boolean hasTime;
    private final int conditionsInPattern;
    /** The automaton of a pattern without time constraints: per state, whether it loops, and its transition. */
    private final boolean[] stateLoops;
    private final int[] stateTransition;
    private final int[] stateCondition;

    private Pattern(String function, String text, List<int[]> actions, List<Long> amounts)
    {
        this.function = function;
        this.text = text;
        types = new int[actions.size()];
        arguments = new long[actions.size()];
        boolean time = false;
        int conditions = 0;
        List<Boolean> loops = new ArrayList<>(List.of(true));
        List<Integer> transitions = new ArrayList<>(List.of(-1));
        List<Integer> stateConditions = new ArrayList<>(List.of(0));
        for (int i = 0; i < actions.size(); i++) {
            types[i] = actions.get(i)[0];
            arguments[i] = amounts.get(i);
            switch (types[i]) {
                case SPECIFIC, ANY -> {
                    int last = transitions.size() - 1;
                    transitions.set(last, types[i]);
                    stateConditions.set(last, (int) arguments[i]);
                    if (types[i] == SPECIFIC) {
                        conditions |= 1 << arguments[i];
                    }
                    loops.add(false);
                    transitions.add(-1);
                    stateConditions.add(0);
                }
                case KLEENE -> loops.set(loops.size() - 1, true);
                default -> time = true;
            }
        }
        hasTime = time;
        conditionsInPattern = conditions;
        stateLoops = new boolean[loops.size()];
        stateTransition = new int[loops.size()];
        stateCondition = new int[loops.size()];
        for (int s = 0; s < loops.size(); s++) {
            stateLoops[s] = loops.get(s);
            stateTransition[s] = transitions.get(s);
            stateCondition[s] = stateConditions.get(s);
        }
    }

    String text()
    {
        return text;
    }

    /**
     * The pattern for a group whose condition arrays have {@code conditions} elements; an error
     * naming the position (1-based) when it is empty or malformed.
     */
    static Pattern parse(String function, String text, int conditions, Clock clock)
    {
        Key key = new Key(function, text, conditions, clock);
        Pattern cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Pattern pattern = new Parser(function, text, conditions, clock).parse();
        if (CACHE.size() >= CACHE_SIZE) {
            CACHE.clear();
        }
        CACHE.put(key, pattern);
        return pattern;
    }

    /** Whether the sorted events contain the pattern. */
    boolean matches(EventLog events)
    {
        if (!couldMatch(events)) {
            return false;
        }
        if (!hasTime) {
            return automatonMatches(events);
        }
        return fixedRunsInOrder(events) && new Search(events).match(0) >= 0;
    }

    /** The number of non-overlapping matches, left to right. */
    long count(EventLog events)
    {
        if (!couldMatch(events) || !fixedRunsInOrder(events)) {
            return 0;
        }
        Search search = new Search(events);
        long count = 0;
        int position = 0;
        while (position < events.size()) {
            position = search.match(position);
            if (position < 0) {
                break;
            }
            count++;
        }
        return count;
    }

    /** False when a condition the pattern names holds on no event: then nothing can match. */
    private boolean couldMatch(EventLog events)
    {
        int met = 0;
        for (int i = 0; i < events.size() && (met & conditionsInPattern) != conditionsInPattern; i++) {
            met |= events.mask(i);
        }
        return (met & conditionsInPattern) == conditionsInPattern;
    }

    /** One pass of the pattern's automaton: the set of active states after each event. */
    private boolean automatonMatches(EventLog events)
    {
        int states = stateLoops.length;
        boolean[] active = new boolean[states];
        boolean[] next = new boolean[states];
        active[0] = true;
        int activeCount = 1;
        for (int e = 0; e < events.size() && activeCount > 0 && !active[states - 1]; e++) {
            Arrays.fill(next, false);
            activeCount = 0;
            int mask = events.mask(e);
            for (int s = 0; s < states; s++) {
                if (!active[s]) {
                    continue;
                }
                if (stateTransition[s] == ANY || (stateTransition[s] == SPECIFIC && (mask & (1 << stateCondition[s])) != 0)) {
                    next[s + 1] = true;
                    activeCount++;
                }
                if (stateLoops[s]) {
                    next[s] = true;
                    activeCount++;
                }
            }
            boolean[] swap = active;
            active = next;
            next = swap;
        }
        return active[states - 1];
    }

    /**
     * Whether the runs of {@code (?N)} and {@code .} between the pattern's {@code .*} and time
     * constraints occur in the events in order, each at its leftmost place: a match needs that.
     */
    private boolean fixedRunsInOrder(EventLog events)
    {
        int[] position = {0};
        int runStart = 0;
        for (int a = 0; a < types.length; a++) {
            if (types[a] != SPECIFIC && types[a] != ANY) {
                if (!fixedRun(events, position, runStart, a)) {
                    return false;
                }
                runStart = a + 1;
            }
        }
        return fixedRun(events, position, runStart, types.length);
    }

    private boolean fixedRun(EventLog events, int[] position, int from, int to)
    {
        int start = position[0];
        int e = start;
        int a = from;
        while (a != to && e < events.size()) {
            if (types[a] == ANY || (events.mask(e) & (1 << arguments[a])) != 0) {
                e++;
                a++;
            }
            else {
                e = ++start;
                a = from;
            }
        }
        position[0] = e;
        return a == to;
    }

    /**
     * ClickHouse's backtracking search over sorted events: the current action, event and base (the
     * event matched last, which time constraints measure from), and a stack of the choices made at
     * {@code .*} and time constraints. A failed backtrack leaves the last choice it undid in place,
     * as ClickHouse's does, before the pattern's end is checked.
     */
    private final class Search
    {
        private final EventLog events;
        private int[] stack = new int[48];
        private int depth;
        private int action;
        private int event;
        private int base;

        Search(EventLog events)
        {
            this.events = events;
        }

        /** The position after the leftmost match starting at or after {@code start}, or −1 when there is none. */
        int match(int start)
        {
            int n = events.size();
            long limit = BASE_STEPS + STEPS_PER_EVENT * (long) (n - start) * types.length;
            action = 0;
            event = start;
            base = start;
            depth = 0;
            long steps = 0;
            loop:
            while (action < types.length && event < n) {
                switch (types[action]) {
                    case SPECIFIC -> {
                        if ((events.mask(event) & (1 << arguments[action])) != 0) {
                            base = event;
                            action++;
                            event++;
                        }
                        else if (!backtrack(n)) {
                            break loop;
                        }
                    }
                    case ANY -> {
                        base = event;
                        action++;
                        event++;
                    }
                    case KLEENE -> {
                        push();
                        base = event;
                        action++;
                    }
                    default -> {
                        if (satisfies(types[action], events.time(base), events.time(event), arguments[action])) {
                            push();
                            base = event;
                            action++;
                        }
                        else if (types[action] == TIME_LESS_OR_EQUAL || types[action] == TIME_LESS) {
                            // a later event is only later: a failed < or <= cannot succeed further on
                            if (!backtrack(n)) {
                                break loop;
                            }
                        }
                        else if (++event == n && !backtrack(n)) {
                            break loop;
                        }
                    }
                }
                if (++steps > limit) {
                    throw KpiException.invalid(function, "pattern '" + text + "' needs more than " + limit + " search steps to match " + (n - start)
                            + " events; split the group (e.g. by day) or use fewer .* and time constraints");
                }
            }
            // what remains can match nothing at the end: .*, (?t<S), (?t<=S) and (?t>=0)
            while (action < types.length && (types[action] == KLEENE || types[action] == TIME_LESS_OR_EQUAL || types[action] == TIME_LESS
                    || (types[action] == TIME_GREATER_OR_EQUAL && arguments[action] == 0))) {
                action++;
            }
            if (event == start) {
                event++;
            }
            return action == types.length ? event : -1;
        }

        private void push()
        {
            if (depth + 3 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[depth++] = action;
            stack[depth++] = event;
            stack[depth++] = base;
        }

        /** Resumes the latest choice that can take one more event; false when none can. */
        private boolean backtrack(int n)
        {
            while (depth > 0) {
                base = stack[--depth];
                event = stack[--depth] + 1;
                action = stack[--depth];
                if (event < n) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code later − earlier OP amount}, exactly: {@code later ≥ earlier}, the difference read unsigned. */
    private static boolean satisfies(int type, long earlier, long later, long amount)
    {
        int comparison = Long.compareUnsigned(later - earlier, amount);
        return switch (type) {
            case TIME_LESS_OR_EQUAL -> comparison <= 0;
            case TIME_LESS -> comparison < 0;
            case TIME_GREATER_OR_EQUAL -> comparison >= 0;
            case TIME_GREATER -> comparison > 0;
            default -> comparison == 0;
        };
    }

    /** The parser, with the position (1-based) of every error. */
    private static final class Parser
    {
        private final String function;
        private final String text;
        private final int conditions;
        private final Clock clock;
        private final List<int[]> actions = new ArrayList<>();
        private final List<Long> amounts = new ArrayList<>();
        private int position;

        Parser(String function, String text, int conditions, Clock clock)
        {
            this.function = function;
            this.text = text;
            this.conditions = conditions;
            this.clock = clock;
        }

        Pattern parse()
        {
            // the implicit leading .*: a match may start at any event
            add(KLEENE, 0);
            if (text.isEmpty()) {
                throw error(0, "expected (?N), '.' or '.*', found the end of the pattern");
            }
            boolean explicitElement = false;
            while (position < text.length()) {
                int start = position;
                if (text.startsWith("(?", position)) {
                    position += 2;
                    if (position < text.length() && text.charAt(position) == 't') {
                        position++;
                        int type = comparison();
                        int numberAt = position;
                        long amount = number("after '" + text.substring(start, numberAt) + "'");
                        if (!explicitElement || isTime(actions.get(actions.size() - 1)[0])) {
                            throw error(start, "a time constraint must follow (?N), '.' or '.*'");
                        }
                        close();
                        add(type, TimeAmounts.patternSeconds(function, "pattern '" + text + "' at position " + (numberAt + 1), amount, clock));
                    }
                    else {
                        int numberAt = position;
                        long condition = number("after '(?'");
                        if (condition < 1 || condition > conditions) {
                            throw error(numberAt, "condition " + condition + " is outside 1.." + conditions);
                        }
                        close();
                        add(SPECIFIC, condition - 1);
                    }
                }
                else if (text.startsWith(".*", position)) {
                    position += 2;
                    add(KLEENE, 0);
                }
                else if (text.charAt(position) == '.') {
                    position++;
                    add(ANY, 0);
                }
                else {
                    throw error(position, "expected (?N), (?t…), '.' or '.*', found " + found());
                }
                explicitElement = true;
            }
            return new Pattern(function, text, actions, amounts);
        }

        private int comparison()
        {
            for (String operator : List.of("<=", "<", ">=", ">", "==")) {
                if (text.startsWith(operator, position)) {
                    position += operator.length();
                    return switch (operator) {
                        case "<=" -> TIME_LESS_OR_EQUAL;
                        case "<" -> TIME_LESS;
                        case ">=" -> TIME_GREATER_OR_EQUAL;
                        case ">" -> TIME_GREATER;
                        default -> TIME_EQUAL;
                    };
                }
            }
            throw error(position, "expected <, <=, >, >= or == after '(?t', found " + found());
        }

        /** A whole number at the current position. */
        private long number(String where)
        {
            int start = position;
            while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                position++;
            }
            if (position == start) {
                throw error(start, "expected a whole number " + where + ", found " + found());
            }
            String digits = text.substring(start, position);
            try {
                return Long.parseLong(digits);
            }
            catch (NumberFormatException e) {
                throw KpiException.overflow(function, "pattern '" + text + "' at position " + (start + 1) + ": " + digits, "BIGINT");
            }
        }

        private void close()
        {
            if (position >= text.length() || text.charAt(position) != ')') {
                throw error(position, "expected ')', found " + found());
            }
            position++;
        }

        private String found()
        {
            return position < text.length() ? "'" + text.charAt(position) + "'" : "the end of the pattern";
        }

        private void add(int type, long argument)
        {
            actions.add(new int[] {type});
            amounts.add(argument);
        }

        private static boolean isTime(int type)
        {
            return type >= TIME_LESS_OR_EQUAL;
        }

        private KpiException error(int at, String problem)
        {
            return KpiException.invalid(function, "pattern '" + text + "' at position " + (at + 1) + ": " + problem);
        }
    }
}
