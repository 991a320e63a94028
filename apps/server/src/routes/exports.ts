import {
  completionCsv,
  csvStream,
  driversCsv,
  equipmentCsv,
  type TCsvTable,
  UTILIZATION_PARTS,
  utilizationCsv,
  workOrdersCsv,
} from '@dispatch/api';
import type { Database } from '@dispatch/db';
import {
  hasCapability,
  isDomainError,
  ZCompletionReportSchema,
  ZListWorkOrdersSchema,
  ZUtilizationReportSchema,
} from '@dispatch/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authenticate, type TAuthDeps } from '../auth/authenticate';

type TQuery = Record<string, string | string[] | undefined>;

interface TExport<TSchema extends z.ZodType> {
  path: string;
  /** The procedure's own input schema: the download accepts exactly what the screen does. */
  schema: TSchema;
  /** Keys the schema reads; any other parameter is a typo and refused, not silently ignored. */
  keys: readonly string[];
  /** Parameters that may repeat (`?statuses=new&statuses=queued`) or list (`statuses=new,queued`). */
  lists?: readonly string[];
  build: (
    db: Database,
    input: z.output<TSchema>,
  ) => Promise<{ name: string; table: TCsvTable }> | { name: string; table: TCsvTable };
}

const today = () => new Date().toISOString().slice(0, 10);

const ZWorkOrderExportSchema = ZListWorkOrdersSchema.omit({ cursor: true, limit: true });

/** A CSV holds one table, so the utilisation download names its part (units by default). */
const ZUtilizationExportSchema = z.intersection(
  ZUtilizationReportSchema,
  z.object({
    part: z
      .enum(UTILIZATION_PARTS, { error: `Use ${UTILIZATION_PARTS.join(', ')}.` })
      .default('equipment'),
  }),
);

/**
 * CSV downloads, streamed as they are read (UTF-8 with a BOM, CRLF, formula text neutralised):
 * - /export/work-orders.csv?statuses=…&priorities=…&equipmentTypeId=…&search=… (workOrders.list's
 *   filters; lists repeat the parameter or separate values with commas), newest first;
 * - /export/completion.csv?from=ISO&to=ISO&groupBy=day|week&timeZone=Area/City;
 * - /export/utilization.csv?from=ISO&to=ISO&part=equipment|types|drivers (default equipment);
 * - /export/equipment.csv and /export/drivers.csv, in exactly the import's columns.
 * They authenticate exactly like /trpc (bearer token for scripts; session cookie with the CSRF
 * header for the browser, which therefore downloads with fetch rather than a bare link) and need
 * the `read` capability, like the procedures they mirror. Bad parameters answer 400 before
 * anything is streamed.
 */
export async function exportRoutes(app: FastifyInstance, deps: TAuthDeps & { db: Database }) {
  const route = <TSchema extends z.ZodType>(spec: TExport<TSchema>) =>
    app.get(spec.path, { exposeHeadRoute: false }, (request, reply) =>
      serve(request, reply, deps, spec),
    );

  route({
    path: '/export/work-orders.csv',
    schema: ZWorkOrderExportSchema,
    keys: Object.keys(ZWorkOrderExportSchema.shape),
    lists: ['statuses', 'priorities'],
    build: (db, filters) => ({ name: `work-orders-${today()}`, table: workOrdersCsv(db, filters) }),
  });
  route({
    path: '/export/completion.csv',
    schema: ZCompletionReportSchema,
    keys: Object.keys(ZCompletionReportSchema.shape),
    build: async (db, input) => ({
      name: `completion-${today()}`,
      table: await completionCsv(db, input),
    }),
  });
  route({
    path: '/export/utilization.csv',
    schema: ZUtilizationExportSchema,
    keys: [...Object.keys(ZUtilizationReportSchema.shape), 'part'],
    build: async (db, { part, ...input }) => ({
      name: `utilization-${part}-${today()}`,
      table: await utilizationCsv(db, input, part),
    }),
  });
  route({
    path: '/export/equipment.csv',
    schema: z.object({}),
    keys: [],
    build: (db) => ({ name: `equipment-${today()}`, table: equipmentCsv(db) }),
  });
  route({
    path: '/export/drivers.csv',
    schema: z.object({}),
    keys: [],
    build: (db) => ({ name: `drivers-${today()}`, table: driversCsv(db) }),
  });
}

async function serve<TSchema extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: TAuthDeps & { db: Database },
  spec: TExport<TSchema>,
) {
  const principal = await authenticate(request, reply, deps);
  if (principal === 'replied') return reply;
  if (!principal) {
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({ error: 'unauthorized', message: 'Sign in first.' });
  }
  if (!hasCapability(principal.roles, 'read')) {
    return reply.code(403).send({ error: 'forbidden', message: 'Your role may not read.' });
  }
  const query = request.query as TQuery;
  const unknown = Object.keys(query).filter((key) => !spec.keys.includes(key));
  const parsed = spec.schema.safeParse(inputOf(query, spec.lists ?? []));
  if (unknown.length > 0 || !parsed.success) {
    const problems = [
      ...unknown.map((key) => `${key}: not a parameter of this export.`),
      ...(parsed.error?.issues ?? []).map(
        (issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`,
      ),
    ];
    return reply.code(400).send({
      error: 'bad_request',
      message: `Invalid query parameters. ${problems.join(' ')}`,
      fieldErrors: parsed.success ? {} : z.flattenError(parsed.error).fieldErrors,
    });
  }
  let built;
  try {
    built = await spec.build(deps.db, parsed.data);
  } catch (error) {
    // A report refuses some inputs only once it runs (a time zone the database lacks).
    if (!isDomainError(error) || error.kind !== 'bad_request') throw error;
    return reply.code(400).send({ error: 'bad_request', message: error.message, fieldErrors: {} });
  }
  const { name, table } = built;
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .header('cache-control', 'no-store')
    .send(csvStream(table));
}

/** Query parameters as the schema's input: lists split, empty values treated as absent. */
function inputOf(query: TQuery, lists: readonly string[]) {
  const input: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (lists.includes(key)) {
      const items = [value]
        .flat()
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      if (items.length > 0) input[key] = items;
    } else if (value !== '') {
      input[key] = value;
    }
  }
  return input;
}
