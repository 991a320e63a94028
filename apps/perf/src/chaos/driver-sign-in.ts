import { CookieJar } from 'tough-cookie';
import { httpRequest, type THttpResponse } from './http';

/**
 * Signs a driver in the way a phone does: the server's /auth/login, the provider's login form,
 * back to the server's callback. Returns the `cookie` header value of the session, which lives in
 * PostgreSQL and so survives every server restart.
 */
export async function signInDriver(options: {
  appUrl: string;
  ca: string;
  username: string;
  password: string;
}): Promise<string> {
  const jar = new CookieJar();
  const fetchWithJar = async (
    url: string,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ) => {
    const cookie = await jar.getCookieString(url);
    const response = await httpRequest(url, {
      ...init,
      ca: options.ca,
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
    });
    const setCookies = response.headers['set-cookie'] ?? [];
    for (const setCookie of Array.isArray(setCookies) ? setCookies : [setCookies]) {
      await jar.setCookie(setCookie, url, { ignoreError: true });
    }
    return response;
  };
  const follow = async (start: string): Promise<{ response: THttpResponse; url: string }> => {
    let url = start;
    let response = await fetchWithJar(url);
    for (let hop = 0; hop < 20 && response.status >= 300 && response.status < 400; hop++) {
      const location = response.headers.location;
      if (typeof location !== 'string') break;
      url = new URL(location, url).toString();
      response = await fetchWithJar(url);
    }
    return { response, url };
  };

  const form = await follow(`${options.appUrl}/auth/login`);
  const action = /<form method="post" action="([^"]+)"/.exec(form.response.body)?.[1];
  if (form.response.status !== 200 || !action) {
    throw new Error(`no login form at ${form.url} (${form.response.status})`);
  }
  const submitted = await fetchWithJar(new URL(action, form.url).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      username: options.username,
      password: options.password,
    }).toString(),
  });
  const location = submitted.headers.location;
  if (submitted.status < 300 || submitted.status >= 400 || typeof location !== 'string') {
    throw new Error(`login form answered ${submitted.status}: ${submitted.body}`);
  }
  await follow(new URL(location, form.url).toString());
  const session = (await jar.getCookies(options.appUrl)).find((c) =>
    c.key.endsWith('dispatch_session'),
  );
  if (!session) throw new Error(`no session cookie after signing in ${options.username}`);
  return `${session.key}=${session.value}`;
}
