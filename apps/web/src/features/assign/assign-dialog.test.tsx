import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { apiError, createTestApi } from '../../../test/helpers/test-api';
import { AssignDialog } from './assign-dialog';

const ids = {
  order: '00000000-0000-4000-8000-000000000001',
  cr01: '00000000-0000-4000-8000-0000000000e1',
  cr03: '00000000-0000-4000-8000-0000000000e3',
  cr02: '00000000-0000-4000-8000-0000000000e2',
  ann: '00000000-0000-4000-8000-0000000000d1',
  bob: '00000000-0000-4000-8000-0000000000d2',
  priya: '00000000-0000-4000-8000-0000000000d3',
};
const at = new Date('2025-01-01T08:00:00Z');

function candidates(
  eligibleEquipment: [string, string][],
  best: { equipmentId: string; driverId: string },
) {
  return {
    workOrder: {
      id: ids.order,
      reference: 'WO-000311',
      status: 'queued',
      equipmentTypeId: 't',
      equipmentTypeName: 'crane-50t',
    },
    equipment: {
      eligible: eligibleEquipment.map(([id, code]) => ({
        id,
        code,
        name: `Crane ${code}`,
        statusChangedAt: at,
      })),
      excluded: [
        {
          id: ids.cr02,
          code: 'CR-02',
          name: 'Crane CR-02',
          status: 'assigned',
          reason: 'EQUIPMENT_ASSIGNED',
          heldBy: 'WO-000012',
        },
      ],
    },
    drivers: {
      eligible: [
        { id: ids.ann, name: 'Ann Lee', statusChangedAt: at },
        { id: ids.bob, name: 'Bob Stone', statusChangedAt: at },
      ],
      excluded: [
        {
          id: ids.priya,
          name: 'Priya Nair',
          status: 'available',
          reason: 'DRIVER_NOT_QUALIFIED',
          heldBy: null,
        },
      ],
    },
    best,
  };
}

const first = candidates(
  [
    [ids.cr01, 'CR-01'],
    [ids.cr03, 'CR-03'],
  ],
  { equipmentId: ids.cr01, driverId: ids.ann },
);
const afterConflict = candidates([[ids.cr03, 'CR-03']], {
  equipmentId: ids.cr03,
  driverId: ids.bob,
});

const combobox = (name: string) => screen.getByRole('combobox', { name }) as HTMLInputElement;

function setup(resolvers: Parameters<typeof createTestApi>[0]) {
  const api = createTestApi(resolvers);
  const onClose = vi.fn();
  const onAssigned = vi.fn();
  api.render(
    <AssignDialog workOrderId={ids.order} opened onClose={onClose} onAssigned={onAssigned} />,
  );
  return { ...api, onClose, onAssigned };
}

describe('AssignDialog', () => {
  it('preselects the best pair and lists the excluded ones with their reason', async () => {
    setup({ 'dispatch.candidates': () => first });
    expect(await screen.findByRole('dialog', { name: 'Assign WO-000311' })).toBeTruthy();
    expect(combobox('Equipment').value).toBe('CR-01 — Crane CR-01');
    expect(combobox('Driver').value).toBe('Ann Lee');
    expect(
      within(screen.getByTestId('excluded-equipment')).getByText('CR-02 — on WO-000012'),
    ).toBeTruthy();
    expect(
      within(screen.getByTestId('excluded-drivers')).getByText('Priya Nair — not qualified'),
    ).toBeTruthy();
  });

  it('assigns the chosen pair with an idempotency key', async () => {
    const api = setup({
      'dispatch.candidates': () => first,
      'dispatch.assign': () => ({
        id: ids.order,
        reference: 'WO-000311',
        status: 'dispatched',
        dispatch: { equipmentCode: 'CR-01', driverName: 'Ann Lee' },
      }),
    });
    await screen.findByRole('dialog', { name: 'Assign WO-000311' });
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(api.onAssigned).toHaveBeenCalledTimes(1));
    const [call] = api.callsTo('dispatch.assign');
    expect(call?.input).toMatchObject({
      workOrderId: ids.order,
      equipmentId: ids.cr01,
      driverId: ids.ann,
    });
    expect((call?.input as { idempotencyKey: string }).idempotencyKey).toMatch(
      /^[A-Za-z0-9_.:-]{8,}$/,
    );
    expect(api.onClose).toHaveBeenCalled();
  });

  it('on a conflict shows the server message, refetches and preselects the new best pair', async () => {
    let round = 0;
    const api = setup({
      'dispatch.candidates': () => (round++ === 0 ? first : afterConflict),
      'dispatch.assign': () => {
        throw apiError('CONFLICT', 'CR-01 was just assigned to WO-000312; pick another.', {
          reason: 'EQUIPMENT_NOT_AVAILABLE',
        });
      },
    });
    await screen.findByRole('dialog', { name: 'Assign WO-000311' });
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('CR-01 was just assigned to WO-000312; pick another.');
    await waitFor(() => expect(api.callsTo('dispatch.candidates')).toHaveLength(2));
    await waitFor(() => expect(combobox('Equipment').value).toBe('CR-03 — Crane CR-03'));
    expect(combobox('Driver').value).toBe('Bob Stone');
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(api.onClose).not.toHaveBeenCalled();
    expect(api.onAssigned).not.toHaveBeenCalled();
  });
});
