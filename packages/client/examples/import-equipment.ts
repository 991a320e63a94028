import { readFileSync } from 'node:fs';
import { createDispatchClient } from '@dispatch/client';
import { loadImportConfig } from './config';
import { ImportAbortedError, formatReport, importEquipmentCsv } from './import-equipment-csv';

/**
 * Imports equipment from a CSV file:
 *   tsx examples/import-equipment.ts --file equipment.csv
 * Exit code 0 when every row was imported, 1 when any row was rejected, 2 when the import could not
 * run (bad configuration, unreadable file, refused credentials, server error).
 */
async function main(): Promise<number> {
  const config = loadImportConfig();
  const csvText = readFileSync(config.file, 'utf8');
  const client = createDispatchClient({
    url: config.url,
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    audience: config.audience,
    allowInsecureHttp: config.allowInsecureHttp,
  });
  const report = await importEquipmentCsv({ client, csvText });
  console.log(formatReport(report.outcomes));
  return report.rejected === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ImportAbortedError && error.outcomes.length > 0) {
      console.log(formatReport(error.outcomes));
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
