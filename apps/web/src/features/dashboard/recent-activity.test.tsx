import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithMantine } from '../../../test/helpers/render-with-mantine';
import type { RouterOutputs } from '../../api/trpc';
import { RecentActivity } from './recent-activity';

type TEvent = RouterOutputs['dashboard']['summary']['recent'][number];

const WO = '6f1c2b0e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const UNIT = '5d0f3b8e-7c1a-4b52-9a3e-2f6d8c1b4a70';

const events: TEvent[] = [
  {
    id: 2,
    kind: 'work_order.completed',
    entityType: 'work_order',
    action: 'completed',
    entityId: WO,
    workOrderId: WO,
    workOrderReference: 'WO-000042',
    actorName: 'Sam Carter',
    payload: { dispatchId: UNIT, note: 'Beams set' },
    createdAt: new Date(2025, 2, 3, 9, 30),
  },
  {
    id: 1,
    kind: 'equipment.status_changed',
    entityType: 'equipment',
    action: 'status_changed',
    entityId: UNIT,
    workOrderId: null,
    workOrderReference: null,
    actorName: 'Dee Dispatcher',
    payload: { from: 'available', to: 'out_of_service' },
    createdAt: new Date(2025, 2, 3, 9, 0),
  },
];

describe('RecentActivity', () => {
  it('names the work order each event concerns by its reference', () => {
    renderWithMantine(
      <MemoryRouter>
        <RecentActivity events={events} />
      </MemoryRouter>,
    );
    const rows = within(screen.getByTestId('recent-activity')).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].slice(1).map((cell) => cell.textContent))).toEqual([
      ['Sam Carter', 'CompletedNote: Beams set', 'WO-000042'],
      ['Dee Dispatcher', 'Equipment now out of service', '—'],
    ]);
    expect(screen.getByRole('link', { name: 'WO-000042' }).getAttribute('href')).toBe(
      `/work-orders/${WO}`,
    );
  });
});
