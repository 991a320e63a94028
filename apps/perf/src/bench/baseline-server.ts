import { createDatabase } from '@dispatch/db';
import Fastify from 'fastify';
import { equipmentById, rawAssign, type TTriple } from './baseline-queries';

/*
 * The baselines' server, run as its own process like the real one (so neither shares an event loop
 * with the load generator): a bare route, the SQL of equipment.get, and the raw assignment
 * transaction, on the same postgres driver with the same pool size as the real server.
 * Arguments: <port> <database url> <pool size>.
 */
const [port, databaseUrl, poolMax] = process.argv.slice(2);
if (!port || !databaseUrl || !poolMax)
  throw new Error('usage: baseline-server <port> <url> <pool>');

const handle = createDatabase({
  url: databaseUrl,
  max: Number(poolMax),
  applicationName: 'dispatch-bench-baseline',
});
const app = Fastify({ logger: false });

app.get('/bare', async () => ({ ok: true }));

app.get<{ Querystring: { id: string } }>('/equipment', async (request, reply) => {
  const item = await equipmentById(handle.db, request.query.id);
  if (!item) return reply.code(404).send({ error: 'not found' });
  return item;
});

app.post<{ Body: TTriple }>('/assign', async (request) => rawAssign(handle.sql, request.body));

const shutdown = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
await app.listen({ host: '127.0.0.1', port: Number(port) });
console.log('ready');
