import type { TFetch, TTokenSource } from './token-source';

/**
 * A fetch that sends `Authorization: Bearer <token>`. When the API answers 401 (the token was
 * revoked, or the provider rotated its keys) it drops that token and retries once with a new one.
 */
export function authorizedFetch(fetchImpl: TFetch, tokens: TTokenSource): TFetch {
  return async (input, init) => {
    const send = (token: string) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetchImpl(input, { ...init, headers });
    };
    const token = await tokens.getToken();
    const response = await send(token);
    if (response.status !== 401) return response;
    await response.body?.cancel();
    tokens.invalidate(token);
    return send(await tokens.getToken());
  };
}
