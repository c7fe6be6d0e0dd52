// Runs sql-examples through Trino's JavaScript client (npm: trino-client), the way a notebook
// would, against a local server started by `./kpi trino start --data sql-examples/data`:
//
//   node query-examples.mjs http://127.0.0.1:8080 ../../../../sql-examples/nps_by_segment.sql …
//
// Prints one JSON array with each example's answer, {name, columns, rows}, with the values as
// the client hands them over; KpiTrinoFilesIT compares them with the examples' expected files.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BasicAuth, Trino } from 'trino-client';

const [server, ...files] = process.argv.slice(2);
if (!server || files.length === 0) {
    console.error('usage: node query-examples.mjs SERVER_URL EXAMPLE.sql…');
    process.exit(2);
}

const trino = Trino.create({
    server,
    catalog: 'files',
    schema: 'data',
    source: 'kpi-sql-node-client',
    auth: new BasicAuth('kpi'),
});

/** The query of an example file: its leading comment lines are the question. */
function querySql(text) {
    const lines = text.trim().split(/\r?\n/);
    while (lines.length > 0 && lines[0].startsWith('--')) {
        lines.shift();
    }
    return lines.join('\n').trim().replace(/;$/, '');
}

const answers = [];
for (const file of files) {
    const name = basename(file, '.sql');
    const results = await trino.query(querySql(await readFile(file, 'utf8')));
    let columns = [];
    const rows = [];
    for await (const result of results) {
        if (result.error) {
            throw new Error(`${name}: ${result.error.errorName}: ${result.error.message}`);
        }
        if (result.columns) {
            columns = result.columns.map(column => column.name);
        }
        if (result.data) {
            rows.push(...result.data);
        }
    }
    answers.push({ name, columns, rows });
}
process.stdout.write(JSON.stringify(answers, null, 2) + '\n');
