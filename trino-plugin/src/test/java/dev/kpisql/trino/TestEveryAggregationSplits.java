package dev.kpisql.trino;

import dev.kpisql.udfs.catalog.ArgType;
import dev.kpisql.udfs.catalog.Catalog;
import dev.kpisql.udfs.catalog.ClickHouseCases;
import dev.kpisql.udfs.catalog.Example;
import dev.kpisql.udfs.catalog.Kind;
import dev.kpisql.udfs.catalog.KpiFunction;
import dev.kpisql.udfs.catalog.Overload;
import dev.kpisql.udfs.catalog.ShapeQuery;
import io.airlift.slice.Slices;
import io.trino.metadata.TestingFunctionResolution;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static io.trino.operator.aggregation.AggregationTestUtils.assertAggregation;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.TypeUtils.writeNativeValue;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.type.InternalTypeManager.TESTING_TYPE_MANAGER;

/**
 * Contract C6 through every Trino intermediate state: Trino's own aggregation harness runs each
 * valid catalog example of every aggregate as one aggregation, as partial aggregations whose
 * states go through the state's serializer and are combined, grouped, and over the two halves
 * of the input — and every way must give the example's hand-worked answer.
 */
final class TestEveryAggregationSplits
{
    private static final TestingFunctionResolution FUNCTIONS = new TestingFunctionResolution(new KpiPlugin());

    @TestFactory
    Stream<DynamicTest> everyExampleSurvivesPartialAggregationAndSerialization()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (KpiFunction function : Catalog.functions()) {
            for (Overload overload : function.overloads()) {
                if (overload.kind() != Kind.AGGREGATE) {
                    continue;
                }
                for (Example example : overload.examples()) {
                    if (example.fails()) {
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(overload.signature(function.name()) + ": " + example.title(), () -> assertSplits(function, overload, example)));
                }
            }
        }
        return tests.stream();
    }

    /**
     * ClickHouse's tests of the event functions ({@link ClickHouseCases}) through the same harness:
     * each group of a case (up to 40 of them) single, partial and serialized, grouped and split must
     * give the core's answer for that group, which the core's test compares with ClickHouse's reference.
     */
    @TestFactory
    Stream<DynamicTest> everyClickHouseCaseSurvivesPartialAggregationAndSerialization()
    {
        List<DynamicTest> tests = new ArrayList<>();
        for (ClickHouseCases.Case value : ClickHouseCases.all()) {
            if (value.failure() != null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(value.name(), () -> {
                KpiFunction function = Catalog.function(value.function()).orElseThrow();
                Overload overload = value.catalogOverload();
                int groups = 0;
                for (Map.Entry<Object, List<List<Object>>> group : value.argumentsByGroup().entrySet()) {
                    if (groups++ == 40) {
                        break;
                    }
                    assertSplits(function, overload, new Example(value.id() + ", group " + group.getKey(), group.getValue(), overload.evaluate(group.getValue())));
                }
            }));
        }
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void assertSplits(KpiFunction function, Overload overload, Example example)
    {
        int columns = overload.arguments().size();
        List<Type> types = new ArrayList<>();
        Block[] blocks = new Block[columns];
        for (int column = 0; column < columns; column++) {
            ArgType argument = overload.arguments().get(column).type();
            List<Object> values = new ArrayList<>();
            for (List<Object> row : example.rows()) {
                values.add(row.get(column));
            }
            Type type = type(argument, values);
            types.add(type);
            BlockBuilder builder = type.createBlockBuilder(null, values.size());
            for (Object value : values) {
                writeNativeValue(type, builder, nativeValue(argument, type, value));
            }
            blocks[column] = builder.build();
        }
        assertAggregation(FUNCTIONS, function.name(), HarnessTypes.of(types), (actual, expected) -> ShapeQuery.matches(actual, expected),
                example.title(), new Page(blocks), example.expected());
    }

    /** The Trino type of an example's column, from its values (the argument's first SQL type when all are NULL). */
    private static Type type(ArgType argument, List<Object> values)
    {
        List<Object> present = values.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return TESTING_TYPE_MANAGER.fromSqlType(TrinoSignatures.trinoTypes(argument.sqlTypes().get(0)).get(0));
        }
        Object sample = present.get(0);
        if (sample instanceof String) {
            return VARCHAR;
        }
        if (sample instanceof Boolean) {
            return BOOLEAN;
        }
        if (argument == ArgType.DATE) {
            return DATE;
        }
        if (argument == ArgType.TIMESTAMP || (argument == ArgType.EVENT_TIME && sample instanceof LocalDateTime)) {
            boolean micros = present.stream().anyMatch(value -> ((LocalDateTime) value).getNano() % 1_000_000 != 0);
            return micros ? TIMESTAMP_MICROS : TIMESTAMP_MILLIS;
        }
        if (argument == ArgType.TIME_AMOUNT && sample instanceof java.time.Duration) {
            return io.trino.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
        }
        if (argument == ArgType.CONDITIONS) {
            return new io.trino.spi.type.ArrayType(BOOLEAN);
        }
        if (argument == ArgType.EVENT_TIME || argument == ArgType.TIME_AMOUNT) {
            return BIGINT;
        }
        boolean doubles = argument == ArgType.MONEY || argument == ArgType.NUMBER || present.stream().anyMatch(Double.class::isInstance);
        return doubles ? DOUBLE : BIGINT;
    }

    /** The value as Trino holds it: long, double, boolean, Slice; dates as days, timestamps as microseconds. */
    private static Object nativeValue(ArgType argument, Type type, Object value)
    {
        if (value == null) {
            return null;
        }
        Object internal = argument.toInternal(value);
        if (internal instanceof java.time.Instant instant) {
            return dev.kpisql.udfs.events.EventTimes.micros(instant);
        }
        if (internal instanceof java.time.Duration duration) {
            return duration.toMillis();
        }
        if (internal instanceof List<?> flags) {
            BlockBuilder elements = BOOLEAN.createBlockBuilder(null, flags.size());
            for (Object flag : flags) {
                if (flag == null) {
                    elements.appendNull();
                }
                else {
                    BOOLEAN.writeBoolean(elements, (Boolean) flag);
                }
            }
            return elements.build();
        }
        if (type == VARCHAR) {
            return Slices.utf8Slice((String) internal);
        }
        if (type == DOUBLE) {
            return ((Number) internal).doubleValue();
        }
        if (type == BIGINT || type == DATE || type == TIMESTAMP_MILLIS || type == TIMESTAMP_MICROS) {
            return ((Number) internal).longValue();
        }
        return internal;
    }
}
