import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';
import superjson from 'superjson';
import { CookieJar } from 'tough-cookie';

/**
 * A minimal browser: a cookie jar and manual redirect following, so tests can walk the real
 * sign-in flow (app → provider login form → app callback) over HTTP and inspect every hop.
 */
export class TestBrowser {
  readonly jar = new CookieJar();
  readonly hops: { url: string; status: number }[] = [];

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = await this.jar.getCookieString(url);
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      await this.jar.setCookie(setCookie, url, { ignoreError: true });
    }
    this.hops.push({ url, status: response.status });
    return response;
  }

  /** GET and follow redirects until a non-redirect answer. */
  async follow(url: string, init: RequestInit = {}): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.fetch(current, init);
    for (let i = 0; i < 20 && response.status >= 300 && response.status < 400; i++) {
      const location = response.headers.get('location');
      if (!location) break;
      current = new URL(location, current).toString();
      response = await this.fetch(current);
    }
    return { response, url: current };
  }

  /** Signs in through the provider's login form, as a person would; returns the landing URL. */
  async signIn(
    appUrl: string,
    username: string,
    password: string,
    returnTo = '/',
  ): Promise<string> {
    const { response, url } = await this.follow(
      `${appUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
    );
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action)
      throw new Error(`no login form at ${url} (${response.status})`);
    const submitted = await this.fetch(new URL(action, url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    });
    if (submitted.status < 300 || submitted.status >= 400) {
      throw new Error(`login form answered ${submitted.status}: ${await submitted.text()}`);
    }
    const landed = await this.follow(
      new URL(submitted.headers.get('location') ?? '/', url).toString(),
    );
    return landed.url;
  }

  async cookie(appUrl: string, name: string) {
    return (await this.jar.getCookies(appUrl)).find((c) => c.key === name)?.value;
  }

  /** Calls a tRPC procedure the way our web client does (CSRF header, JSON). */
  async trpc(appUrl: string, path: string, input?: unknown, type: 'query' | 'mutation' = 'query') {
    const encoded = input === undefined ? undefined : JSON.stringify(superjson.serialize(input));
    const headers = { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' };
    const response =
      type === 'query'
        ? await this.fetch(
            `${appUrl}/trpc/${path}${encoded ? `?input=${encodeURIComponent(encoded)}` : ''}`,
            { headers },
          )
        : await this.fetch(`${appUrl}/trpc/${path}`, {
            method: 'POST',
            headers,
            body: encoded ?? '{}',
          });
    const body = (await response.json()) as {
      result?: { data: { json: unknown } };
      error?: { json: { data: Record<string, unknown> } };
    };
    return { status: response.status, data: body.result?.data.json, error: body.error?.json };
  }
}
