import type { TCallOutcome, TCredentials } from './trpc-call';

export type TWriteKind = 'create' | 'assign' | 'advance' | 'complete' | 'release' | 'settings';

export interface TWriteRequest {
  id: number;
  kind: TWriteKind;
  path: string;
  input: Record<string, unknown>;
  credentials: TCredentials;
  /** Safe to send again: it carries an idempotency key, or names its target state. */
  retryable: boolean;
  /** `pending` until an answer: acknowledged (2xx) or refused (a definite 4xx). */
  state: 'pending' | 'acknowledged' | 'refused';
  attempts: number;
  /** One line per attempt: ok, the refusal reason, or the transport error. */
  history: string[];
  /** What the checks need beyond the input, e.g. the dispatch a release or completion ended. */
  meta?: Record<string, string>;
  data?: unknown;
  refusal?: string;
  lastError?: string;
}

/**
 * Every write the load sends, and what became of it. A write without an answer stays pending and
 * is sent again, with its same idempotency key, after the next restart and at the end.
 */
export class RequestLog {
  readonly requests: TWriteRequest[] = [];
  retries = 0;

  add(
    kind: TWriteKind,
    path: string,
    input: Record<string, unknown>,
    credentials: TCredentials,
    retryable: boolean,
  ): TWriteRequest {
    const request: TWriteRequest = {
      id: this.requests.length + 1,
      kind,
      path,
      input,
      credentials,
      retryable,
      state: 'pending',
      attempts: 0,
      history: [],
    };
    this.requests.push(request);
    return request;
  }

  record(request: TWriteRequest, outcome: TCallOutcome) {
    request.attempts += 1;
    request.history.push(
      outcome.kind === 'ok' ? 'ok' : outcome.kind === 'refused' ? outcome.reason : outcome.error,
    );
    if (request.attempts > 1) this.retries += 1;
    if (outcome.kind === 'ok') {
      request.state = 'acknowledged';
      request.data = outcome.data;
    } else if (outcome.kind === 'refused') {
      request.state = 'refused';
      request.refusal = outcome.reason;
    } else {
      request.lastError = outcome.error;
    }
  }

  /** Unanswered writes that may be sent again. */
  pendingRetryable(): TWriteRequest[] {
    return this.requests.filter((r) => r.state === 'pending' && r.retryable);
  }

  acknowledged(kind: TWriteKind): TWriteRequest[] {
    return this.requests.filter((r) => r.kind === kind && r.state === 'acknowledged');
  }

  count(state: TWriteRequest['state']) {
    return this.requests.filter((r) => r.state === state).length;
  }
}
