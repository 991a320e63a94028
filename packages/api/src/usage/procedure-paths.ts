/**
 * Every procedure path of the API router ('dispatch.assign', ...), so the report can list the
 * procedures nobody called. The router imports the operations router, which needs this list: the
 * import is deferred to the first call, when every module has loaded, instead of forming a cycle
 * at start-up.
 */
let cached: readonly string[] | undefined;

export async function listProcedurePaths(): Promise<readonly string[]> {
  if (!cached) {
    const { appRouter } = await import('../router');
    cached = Object.keys(appRouter._def.procedures).sort();
  }
  return cached;
}
