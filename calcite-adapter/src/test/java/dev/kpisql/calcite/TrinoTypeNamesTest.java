package dev.kpisql.calcite;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calcite's types in Trino's spelling, as Trino's {@code SHOW FUNCTIONS} prints a signature's
 * types (TypeSignature's text: lower case, parameters joined by a bare comma, row fields quoted),
 * including the types that the event and experiment functions take and return.
 */
final class TrinoTypeNamesTest
{
    private final RelDataTypeFactory types = new JavaTypeFactoryImpl();

    @Test
    void scalarTypes()
    {
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.BIGINT))).isEqualTo("bigint");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.INTEGER))).isEqualTo("integer");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.DOUBLE))).isEqualTo("double");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.BOOLEAN))).isEqualTo("boolean");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.VARCHAR))).isEqualTo("varchar");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.VARCHAR, 10))).isEqualTo("varchar(10)");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.DECIMAL, 12, 2))).isEqualTo("decimal(12,2)");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.DATE))).isEqualTo("date");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.TIMESTAMP, 3))).isEqualTo("timestamp(3)");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.TIMESTAMP, 0))).isEqualTo("timestamp(0)");
        assertThat(TrinoTypeNames.of(types.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3))).isEqualTo("timestamp(3) with time zone");
    }

    @Test
    void arraysAndIntervals()
    {
        assertThat(TrinoTypeNames.of(types.createArrayType(types.createSqlType(SqlTypeName.BOOLEAN), -1))).isEqualTo("array(boolean)");
        assertThat(TrinoTypeNames.of(types.createArrayType(types.createSqlType(SqlTypeName.INTEGER), -1))).isEqualTo("array(integer)");
        assertThat(TrinoTypeNames.of(types.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO))))
                .isEqualTo("interval day to second");
        assertThat(TrinoTypeNames.of(types.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.MINUTE, null, SqlParserPos.ZERO))))
                .isEqualTo("interval day to second");
        assertThat(TrinoTypeNames.of(types.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO))))
                .isEqualTo("interval year to month");
        assertThat(TrinoTypeNames.of(types.createMapType(types.createSqlType(SqlTypeName.VARCHAR), types.createSqlType(SqlTypeName.BIGINT))))
                .isEqualTo("map(varchar,bigint)");
    }

    @Test
    void rowsQuoteTheirFieldNames()
    {
        var doubleType = types.createSqlType(SqlTypeName.DOUBLE);
        assertThat(TrinoTypeNames.of(types.createStructType(List.of(doubleType, doubleType, doubleType), List.of("rate", "lower", "upper"))))
                .isEqualTo("row(\"rate\" double,\"lower\" double,\"upper\" double)");
        assertThat(TrinoTypeNames.of(types.createStructType(List.of(types.createSqlType(SqlTypeName.BIGINT)), List.of("say \"hi\""))))
                .isEqualTo("row(\"say \"\"hi\"\"\" bigint)");
    }
}
