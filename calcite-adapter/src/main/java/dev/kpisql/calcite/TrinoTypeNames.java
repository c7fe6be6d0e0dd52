package dev.kpisql.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calcite's SQL types spelled as Trino spells them in {@code SHOW FUNCTIONS} (its type
 * signatures): {@code bigint}, {@code varchar}, {@code timestamp(3)}, {@code array(boolean)},
 * {@code interval day to second}, {@code row("rate" double,"lower" double)}. The embedded
 * engine's listings use it, so that a client sees the same names from both engines; a type
 * without a Trino counterpart keeps Calcite's name in lower case.
 */
public final class TrinoTypeNames
{
    private TrinoTypeNames() {}

    public static String of(RelDataType type)
    {
        SqlTypeName name = type.getSqlTypeName();
        if (name.getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
            return "interval day to second";
        }
        if (name.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            return "interval year to month";
        }
        return switch (name) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case REAL -> "real";
            // Calcite's FLOAT is a double-precision number, as in standard SQL
            case FLOAT, DOUBLE -> "double";
            case DECIMAL -> "decimal(" + type.getPrecision() + "," + type.getScale() + ")";
            case CHAR -> "char(" + type.getPrecision() + ")";
            case VARCHAR -> type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? "varchar" : "varchar(" + type.getPrecision() + ")";
            case BINARY, VARBINARY -> "varbinary";
            case DATE -> "date";
            case TIME -> "time(" + type.getPrecision() + ")";
            case TIMESTAMP -> "timestamp(" + type.getPrecision() + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "timestamp(" + type.getPrecision() + ") with time zone";
            case ARRAY -> "array(" + of(type.getComponentType()) + ")";
            case MAP -> "map(" + of(type.getKeyType()) + "," + of(type.getValueType()) + ")";
            case ROW -> {
                // Trino's NamedTypeSignature: the field name quoted, fields joined by a bare comma
                List<String> fields = new ArrayList<>();
                for (RelDataTypeField field : type.getFieldList()) {
                    fields.add("\"" + field.getName().replace("\"", "\"\"") + "\" " + of(field.getType()));
                }
                yield "row(" + String.join(",", fields) + ")";
            }
            default -> name.getName().toLowerCase(Locale.ROOT);
        };
    }
}
