/**
 * Names shared by the server, the Keycloak realm export and the embedded provider; a test checks
 * the realm file against them so the two cannot drift apart.
 */
export const WEB_CLIENT_ID = 'dispatch-web';
export const SERVICE_CLIENT_ID = 'dispatch-scripts';
export const DEFAULT_AUDIENCE = 'dispatch-api';
export const CALLBACK_PATH = '/auth/callback';
