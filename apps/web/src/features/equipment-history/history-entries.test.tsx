import { Timeline } from '@mantine/core';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithMantine } from '../../../test/helpers/render-with-mantine';
import { dispatchEntry, eventEntry } from './history-entries';
import type { THistoryDispatch, THistoryEvent } from './history-types';

const WO = '6f1c2b0e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';

const completed: THistoryDispatch = {
  kind: 'dispatch',
  at: new Date(2025, 2, 3, 8, 0),
  id: 'd-1',
  workOrder: { id: WO, reference: 'WO-000042', title: 'Lift roof beams' },
  driver: { id: 'drv', name: 'Sam Carter' },
  assignedAt: new Date(2025, 2, 3, 8, 0),
  enRouteAt: new Date(2025, 2, 3, 8, 10),
  onSiteAt: new Date(2025, 2, 3, 8, 40),
  endedAt: new Date(2025, 2, 4, 1, 15),
  outcome: 'completed',
  completionNote: 'Beams set',
  releaseReason: null,
  durationSeconds: 17 * 3600 + 15 * 60 + 30,
};

const toMaintenance: THistoryEvent = {
  kind: 'event',
  at: new Date(2025, 2, 5, 9, 30),
  event: {
    id: 7,
    kind: 'equipment.status_changed',
    entityType: 'equipment',
    entityId: 'unit',
    action: 'status_changed',
    workOrderId: WO,
    workOrderReference: 'WO-000042',
    actorName: 'Dee Dispatcher',
    payload: { from: 'assigned', to: 'maintenance', note: 'Hydraulic leak' },
    createdAt: new Date(2025, 2, 5, 9, 30),
  },
};

function renderEntries(...entries: ReturnType<typeof dispatchEntry>[]) {
  return renderWithMantine(
    <MemoryRouter>
      <Timeline>{entries}</Timeline>
    </MemoryRouter>,
  );
}

describe('equipment history entries', () => {
  it('shows a finished dispatch: order link, local times, duration, outcome and note', () => {
    renderEntries(dispatchEntry(completed));
    expect(screen.getByRole('link', { name: 'WO-000042' }).getAttribute('href')).toBe(
      `/work-orders/${WO}`,
    );
    const entry = screen.getByTestId('history-dispatch');
    expect(entry.textContent).toContain('Lift roof beams');
    expect(entry.textContent).toContain('3 Mar 2025, 08:00 · Sam Carter');
    expect(entry.textContent).toContain('Completed after 17 h 15 min');
    // A stage on another day says which day.
    expect(entry.textContent).toContain(
      'Assigned 08:00, on the way 08:10, on site 08:40, ended 4 Mar, 01:15',
    );
    expect(entry.textContent).toContain('Note: Beams set');
  });

  it('shows a running dispatch as on the job', () => {
    renderEntries(
      dispatchEntry({
        ...completed,
        assignedAt: new Date(Date.now() - 40 * 60_000),
        enRouteAt: null,
        onSiteAt: null,
        endedAt: null,
        outcome: null,
        completionNote: null,
        durationSeconds: null,
      }),
    );
    expect(screen.getByTestId('history-dispatch').textContent).toContain('On the job for 40 min');
  });

  it('shows a status change with its reason and a link to the order it happened on', () => {
    renderEntries(eventEntry(toMaintenance));
    const entry = screen.getByTestId('history-event');
    expect(entry.textContent).toContain('Equipment now maintenance');
    expect(entry.textContent).toContain('5 Mar 2025, 09:30 · Dee Dispatcher');
    expect(entry.textContent).toContain('Note: Hydraulic leak');
    expect(screen.getByRole('link', { name: 'Open the work order' }).getAttribute('href')).toBe(
      `/work-orders/${WO}`,
    );
  });
});
