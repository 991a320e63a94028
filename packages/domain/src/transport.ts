/**
 * The header our own web client adds to every API request. A cross-site form cannot set a custom
 * header without a CORS preflight (which the server never grants), so a cookie-authenticated
 * request without it is refused: the CSRF defence.
 */
export const CSRF_HEADER = 'x-dispatch-csrf';
export const CSRF_HEADER_VALUE = '1';

/**
 * The most calls our own clients (the web app, @dispatch/client) put in one batched request. The
 * server refuses bigger batches (API_MAX_BATCH_SIZE: at least this, 25 by default), so a page that
 * starts many queries at once sends several requests rather than being refused.
 */
export const CLIENT_MAX_BATCH_CALLS = 10;
