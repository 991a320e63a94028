/**
 * How often live screens refetch: 30 s. The one constant, so a test can shorten it by setting
 * `localStorage['dispatch.refreshIntervalMs']` before the app loads.
 */
export const DEFAULT_REFRESH_INTERVAL_MS = 30_000;

export function refreshIntervalMs(): number {
  try {
    const override = Number(globalThis.localStorage?.getItem('dispatch.refreshIntervalMs'));
    return Number.isFinite(override) && override >= 500 ? override : DEFAULT_REFRESH_INTERVAL_MS;
  } catch {
    return DEFAULT_REFRESH_INTERVAL_MS;
  }
}
