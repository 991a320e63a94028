import { describe, expect, it } from 'vitest';
import { CallBudget } from './call-budget';

describe('call budget', () => {
  it('spends calls per key until the window is used up, then says when it resets', () => {
    let now = 1_000_000;
    const budget = new CallBudget(10, 60_000, () => now);
    expect(budget.spend('a', 4)).toEqual({ ok: true });
    expect(budget.spend('a', 6)).toEqual({ ok: true });
    expect(budget.spend('b', 10)).toEqual({ ok: true }); // another key, its own budget
    now += 15_000;
    expect(budget.spend('a', 1)).toEqual({ ok: false, retryAfterSeconds: 45 });
    now += 44_999;
    expect(budget.spend('a', 1)).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 1;
    expect(budget.spend('a', 10)).toEqual({ ok: true });
  });

  it('refuses a batch bigger than what is left, whole, and spends nothing for it', () => {
    const budget = new CallBudget(10, 60_000, () => 0);
    expect(budget.spend('a', 8)).toEqual({ ok: true });
    expect(budget.spend('a', 3).ok).toBe(false);
    expect(budget.spend('a', 2)).toEqual({ ok: true });
  });
});
