package dev.kpisql.udfs.revenue;

import dev.kpisql.udfs.Check;
import dev.kpisql.udfs.Counts;
import dev.kpisql.udfs.Sums;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Σmoney / Σcount: a cost per unit, such as {@code cac(acquisition_cost, new_customers)} or
 * {@code cost_per_lead}. Several money columns (the sales and marketing costs of the three-argument
 * {@code cac}) are summed together. A zero Σcount, and so an empty group, is NULL.
 */
public final class MoneyPerCount
{
    private final String function;
    private final List<String> moneyArguments;
    private final String countArgument;

    public MoneyPerCount(String function, List<String> moneyArguments, String countArgument)
    {
        this.function = requireNonNull(function, "function");
        this.moneyArguments = List.copyOf(moneyArguments);
        this.countArgument = requireNonNull(countArgument, "countArgument");
    }

    public String function()
    {
        return function;
    }

    public void add(MoneyPerCountState state, double money, long count)
    {
        double checked = Check.nonNegative(function, moneyArguments.get(0), money);
        Check.nonNegative(function, countArgument, count);
        addMoney(state, checked);
        addCount(state, count);
    }

    public void add(MoneyPerCountState state, double money, double moreMoney, long count)
    {
        double first = Check.nonNegative(function, moneyArguments.get(0), money);
        double second = Check.nonNegative(function, moneyArguments.get(1), moreMoney);
        Check.nonNegative(function, countArgument, count);
        addMoney(state, first);
        addMoney(state, second);
        addCount(state, count);
    }

    public void merge(MoneyPerCountState state, MoneyPerCountState other)
    {
        double s = state.getMoney();
        double t = s + other.getMoney();
        state.setMoneyError(state.getMoneyError() + other.getMoneyError() + Sums.error(s, other.getMoney(), t));
        state.setMoney(t);
        state.setCount(Counts.addSum(function, countArgument, state.getCount(), other.getCount()));
    }

    public Double result(MoneyPerCountState state)
    {
        if (state.getCount() == 0) {
            return null;
        }
        return Sums.ratio(function, Sums.value(function, String.join(" + ", moneyArguments), state.getMoney(), state.getMoneyError()), state.getCount(), 1);
    }

    private void addMoney(MoneyPerCountState state, double money)
    {
        double s = state.getMoney();
        double t = s + money;
        state.setMoneyError(state.getMoneyError() + Sums.error(s, money, t));
        state.setMoney(t);
    }

    private void addCount(MoneyPerCountState state, long count)
    {
        state.setCount(Counts.addSum(function, countArgument, state.getCount(), count));
    }
}
