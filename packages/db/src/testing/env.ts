/** The test setup's one setting: a PostgreSQL server to use instead of a throwaway embedded one. */
export function testDatabaseServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}
