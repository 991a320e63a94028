import { describe, expect, it } from 'vitest';
import { bodyProblem, callsIn } from './request-guards';

describe('body guard', () => {
  it('finds a polluting key at any depth, in objects and arrays', () => {
    expect(bodyProblem('{"__proto__":{"admin":true}}')).toEqual({
      kind: 'polluting-key',
      key: '__proto__',
    });
    expect(bodyProblem('{"0":{"json":{"a":[{"constructor":{"prototype":{}}}]}}}')).toMatchObject({
      kind: 'polluting-key',
    });
    expect(bodyProblem('{"json":{"x":{"prototype":1}}}')).toEqual({
      kind: 'polluting-key',
      key: 'prototype',
    });
  });

  it('lets ordinary bodies through, and the words as values', () => {
    expect(bodyProblem('{"0":{"json":{"title":"__proto__ constructor prototype"}}}')).toBeNull();
    expect(bodyProblem('{"json":{"id":"x"},"meta":{"values":{"at":["Date"]}}}')).toBeNull();
  });

  it("leaves text that is not JSON to tRPC's own refusal", () => {
    expect(bodyProblem('{"json":')).toBeNull();
    expect(bodyProblem('')).toBeNull();
  });

  it('refuses JSON that is not an object: it is no tRPC envelope', () => {
    for (const json of ['"x"', '[]', 'null', '42', 'true', '[{"json":{}}]']) {
      expect(bodyProblem(json), json).toEqual({ kind: 'not-an-object' });
    }
    expect(bodyProblem('{}')).toBeNull();
  });

  it('refuses a nesting too deep to walk', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(bodyProblem(deep)).toEqual({ kind: 'too-deep' });
  });
});

describe('calls in a URL', () => {
  it('counts the procedures of a batch', () => {
    expect(callsIn('/trpc/me.get')).toBe(1);
    expect(callsIn('/trpc/me.get,dashboard.summary,queue.list?batch=1&input=%7B%7D')).toBe(3);
    expect(callsIn('/trpc/a,b?x=c,d,e')).toBe(2);
  });
});
