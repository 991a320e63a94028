import closeWithGrace from 'close-with-grace';
import { loadConfig } from './config';
import { createServer } from './server';

// Production entry point: configuration from the environment (and *_FILE secrets).
const config = loadConfig();
const server = await createServer(config);
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) server.app.log.error({ err }, 'shutting down after an error');
  else server.app.log.info({ signal }, 'shutting down');
  await server.stop();
});
const { port } = await server.start();
server.app.log.info({ port }, 'Dispatch server listening');
