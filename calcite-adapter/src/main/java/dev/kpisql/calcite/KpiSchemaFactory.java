package dev.kpisql.calcite;

import com.google.common.collect.Multimap;
import dev.kpisql.calcite.csv.CsvOptions;
import dev.kpisql.calcite.csv.CsvSchema;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The KPI functions, and optionally a directory of CSV files, as a schema of a Calcite model
 * file. Make it the model's default schema and the functions need no qualifier:
 *
 * <pre>{@code
 * {
 *   "version": "1.0",
 *   "defaultSchema": "kpi",
 *   "schemas": [{
 *     "name": "kpi",
 *     "type": "custom",
 *     "factory": "dev.kpisql.calcite.KpiSchemaFactory",
 *     "operand": {"directory": "sql-examples/data"}
 *   }]
 * }
 * }</pre>
 *
 * A relative {@code directory} is resolved against the working directory; without one the schema
 * holds the functions only. The operand may also hold the settings of {@link CsvOptions}
 * ({@code "kpi.threads": 4}).
 */
public final class KpiSchemaFactory
        implements SchemaFactory
{
    @Override
    public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand)
    {
        Object directory = operand.get("directory");
        return new KpiSchema(directory == null ? null : new CsvSchema(Path.of(directory.toString()), CsvOptions.from(operand)));
    }

    private static final class KpiSchema
            extends AbstractSchema
    {
        private final CsvSchema tables;

        KpiSchema(CsvSchema tables)
        {
            this.tables = tables;
        }

        @Override
        protected Map<String, Table> getTableMap()
        {
            Map<String, Table> map = new LinkedHashMap<>();
            if (tables != null) {
                for (String name : tables.tables().getNames(LikePattern.any())) {
                    map.put(name, tables.tables().get(name));
                }
            }
            return map;
        }

        @Override
        protected Multimap<String, Function> getFunctionMultimap()
        {
            return KpiFunctions.all();
        }
    }
}
