import type { TServerConfig } from '../config';

/**
 * Cookie names and options. Under HTTPS the `__Host-` prefix makes the browser insist on Secure,
 * Path=/ and no Domain, so no sibling host can plant or read our session cookie.
 */
export function cookieSettings(config: Pick<TServerConfig, 'PUBLIC_URL'>) {
  const secure = new URL(config.PUBLIC_URL).protocol === 'https:';
  const prefix = secure ? '__Host-' : '';
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    session: { name: `${prefix}dispatch_session`, options: base },
    login: { name: `${prefix}dispatch_login`, options: { ...base, maxAge: 600 } },
  };
}
export type TCookieSettings = ReturnType<typeof cookieSettings>;
