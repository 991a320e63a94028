/**
 * The header our own web client adds to every API request. A cross-site form cannot set a custom
 * header without a CORS preflight (which the server never grants), so a cookie-authenticated
 * request without it is refused: the CSRF defence.
 */
export const CSRF_HEADER = 'x-dispatch-csrf';
export const CSRF_HEADER_VALUE = '1';
