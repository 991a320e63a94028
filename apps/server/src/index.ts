export { createServer, type TDispatchServer } from './server';
export { loadConfig, configFrom, type TServerConfig } from './config';
export {
  startLocalProvider,
  type TLocalUser,
  type TLocalProvider,
} from './embedded/local-provider';
