import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithMantine } from '../../../test/helpers/render-with-mantine';
import type { TThreshold } from './operations-types';
import { ThresholdCards } from './threshold-cards';

const THRESHOLDS: TThreshold[] = [
  {
    key: 'completed_dispatches',
    label: 'Completed dispatches to date',
    value: 412,
    limit: 500,
    unit: 'dispatches',
    status: 'approaching',
    detail: null,
  },
  {
    key: 'p95_response',
    label: 'Slowest p95 response time',
    value: 250,
    limit: 5000,
    unit: 'ms',
    status: 'ok',
    detail: 'workOrders.list',
  },
  {
    key: 'slowest_response',
    label: 'Slowest single response',
    value: 6300,
    limit: 5000,
    unit: 'ms',
    status: 'exceeded',
    detail: 'imports.equipment',
  },
  {
    key: 'concurrent_users',
    label: 'Peak concurrent users',
    value: 0,
    limit: 100,
    unit: 'users',
    status: 'ok',
    detail: null,
  },
];

function card(key: string) {
  return within(screen.getByTestId(`threshold-${key}`));
}

describe('ThresholdCards', () => {
  it('shows each threshold with its value, limit and status in words', () => {
    renderWithMantine(<ThresholdCards thresholds={THRESHOLDS} />);
    expect(screen.getAllByRole('region')).toHaveLength(4);

    const dispatches = card('completed_dispatches');
    expect(dispatches.getByText('Completed dispatches to date')).toBeTruthy();
    expect(dispatches.getByText('412 dispatches')).toBeTruthy();
    expect(dispatches.getByText('Limit 500 dispatches')).toBeTruthy();
    expect(dispatches.getByText('Approaching')).toBeTruthy();

    expect(card('p95_response').getByText('250 ms')).toBeTruthy();
    expect(card('p95_response').getByText('Limit 5 s · in workOrders.list')).toBeTruthy();
    expect(card('p95_response').getByText('OK')).toBeTruthy();

    expect(card('slowest_response').getByText('6.3 s')).toBeTruthy();
    expect(card('slowest_response').getByText('Exceeded')).toBeTruthy();
    expect(card('concurrent_users').getByText('0 users')).toBeTruthy();
  });

  it('fills each bar towards its limit, capped when exceeded, coloured by status', () => {
    renderWithMantine(<ThresholdCards thresholds={THRESHOLDS} />);
    const bar = (key: string) => card(key).getByRole('progressbar');
    expect(bar('completed_dispatches').getAttribute('aria-valuenow')).toBe('82.4');
    expect(bar('p95_response').getAttribute('aria-valuenow')).toBe('5');
    expect(bar('slowest_response').getAttribute('aria-valuenow')).toBe('100');
    expect(bar('concurrent_users').getAttribute('aria-valuenow')).toBe('0');
    expect(bar('slowest_response').getAttribute('aria-label')).toBe(
      'Slowest single response: 126 % of the limit',
    );
    const status = (key: string) =>
      screen.getByTestId(`threshold-${key}`).getAttribute('data-status');
    expect(THRESHOLDS.map((t) => status(t.key))).toEqual(['approaching', 'ok', 'exceeded', 'ok']);
  });

  it('names the day of the peak for concurrent users', () => {
    renderWithMantine(
      <ThresholdCards
        thresholds={[
          {
            key: 'concurrent_users',
            label: 'Peak concurrent users',
            value: 97,
            limit: 100,
            unit: 'users',
            status: 'approaching',
            detail: '2026-11-24',
          },
        ]}
      />,
    );
    expect(screen.getByText('Limit 100 users · on 24 Nov 2026')).toBeTruthy();
    expect(screen.getByText('Approaching')).toBeTruthy();
  });
});
