import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes the run's JSON (figures and full plans) to <repo>/bench-results/ and returns the path. */
export async function writeReportsResults(data: unknown): Promise<string> {
  const dir = join(import.meta.dirname, '..', '..', '..', '..', 'bench-results');
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replaceAll(':', '-');
  const file = join(dir, `reports-${stamp}.json`);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
