import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithMantine } from '../../../test/helpers/render-with-mantine';
import type { RouterOutputs } from '../../api/trpc';
import { WorkOrderTimeline } from './work-order-timeline';

type TEvent = RouterOutputs['workOrders']['get']['timeline'][number];

const WO = '6f1c2b0e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const UNIT = '5d0f3b8e-7c1a-4b52-9a3e-2f6d8c1b4a70';
const base = {
  entityType: 'work_order',
  entityId: WO,
  workOrderId: WO,
  workOrderReference: 'WO-000042',
  actorName: 'Dee Dispatcher',
} as const;

const events: TEvent[] = [
  {
    ...base,
    id: 1,
    kind: 'work_order.created',
    action: 'created',
    payload: { reference: 'WO-000042', priority: 'urgent' },
    createdAt: new Date(2025, 2, 3, 8, 0),
  },
  {
    ...base,
    id: 2,
    kind: 'work_order.assigned',
    action: 'assigned',
    payload: {
      dispatchId: WO,
      equipmentId: UNIT,
      equipmentCode: 'FB-01',
      driverId: WO,
      driverName: 'Sam Carter',
      auto: false,
    },
    createdAt: new Date(2025, 2, 3, 8, 5),
  },
];

describe('WorkOrderTimeline', () => {
  it('tells each event in words and links the assigned unit to its history', () => {
    renderWithMantine(
      <MemoryRouter>
        <WorkOrderTimeline events={events} />
      </MemoryRouter>,
    );
    const timeline = screen.getByTestId('timeline');
    expect(timeline.textContent).toContain(
      'Created3 Mar 2025, 08:00 · Dee DispatcherPriority urgent',
    );
    expect(timeline.textContent).toContain(
      'Assigned3 Mar 2025, 08:05 · Dee DispatcherFB-01 with Sam Carter',
    );
    expect(screen.getByRole('link', { name: 'FB-01' }).getAttribute('href')).toBe(
      `/equipment/${UNIT}`,
    );
  });
});
