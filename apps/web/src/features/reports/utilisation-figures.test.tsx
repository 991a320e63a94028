import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithMantine } from '../../../test/helpers/render-with-mantine';
import { PriorityTable } from './priority-table';
import type { TCompletionFigures, TUtilizationReport } from './report-types';
import { UtilisationFormula } from './utilisation-formula';
import { byUtilisation } from './utilisation-order';
import { EquipmentUtilisationTable } from './utilisation-tables';

const figures = {
  windowHours: 0,
  assignedHours: 0,
  maintenanceHours: 0,
  outOfServiceHours: 0,
  unavailableHours: 0,
  availableHours: 0,
  utilization: null,
};

const unit = (code: string, utilization: number | null, assignedHours: number) => ({
  ...figures,
  equipmentId: `id-${code}`,
  code,
  name: `Unit ${code}`,
  typeId: 't',
  typeName: 'crane-50t',
  windowHours: 720,
  assignedHours,
  utilization,
});

const REPORT: TUtilizationReport = {
  window: {
    from: new Date('2026-11-01T00:00:00Z'),
    to: new Date('2026-12-01T00:00:00Z'),
    effectiveFrom: new Date('2026-11-01T00:00:00Z'),
    effectiveTo: new Date('2026-12-01T00:00:00Z'),
    hours: 720,
  },
  fleet: {
    ...figures,
    equipmentCount: 3,
    windowHours: 2160,
    assignedHours: 412.5,
    maintenanceHours: 150,
    outOfServiceHours: 30,
    unavailableHours: 180,
    availableHours: 1567.5,
    // 412.5 / (2160 - 180) = 0.20833…
    utilization: 412.5 / 1980,
  },
  types: [],
  equipment: [unit('B-2', 0.25, 180), unit('A-1', null, 0), unit('C-3', 0.5, 232.5)],
  drivers: [],
};

const totals = (priority: TCompletionFigures['priority'], extra: Partial<TCompletionFigures>) => ({
  priority,
  created: 0,
  dispatched: 0,
  completed: 0,
  cancelled: 0,
  medianTimeToDispatchSeconds: null,
  p90TimeToDispatchSeconds: null,
  medianTimeToCompleteSeconds: null,
  p90TimeToCompleteSeconds: null,
  completedWithDueBy: 0,
  completedOnTime: 0,
  onTimeShare: null,
  ...extra,
});

describe('utilisation figures', () => {
  it('shows the formula worked through with the fleet hours', () => {
    renderWithMantine(<UtilisationFormula report={REPORT} />);
    const box = screen.getByTestId('utilisation-formula');
    expect(within(box).getByText('utilisation = assigned ÷ (window − maintenance)')).toBeTruthy();
    expect(box.textContent).toContain('Window: 720.0 h per unit');
    expect(box.textContent).toContain('Fleet (3 units): 412.5 h ÷ (2,160.0 h − 180.0 h) = 20.8 %');
  });

  it('says when the window reaches past now', () => {
    const running = {
      ...REPORT,
      window: { ...REPORT.window, effectiveTo: new Date('2026-11-25T12:00:00Z'), hours: 588 },
    };
    renderWithMantine(<UtilisationFormula report={running} />);
    expect(screen.getByTestId('utilisation-formula').textContent).toContain(
      '(now; later hours are not counted)',
    );
  });

  it('lists every unit busiest first, with nothing-to-measure units last', () => {
    renderWithMantine(
      <MemoryRouter>
        <EquipmentUtilisationTable sorted={byUtilisation(REPORT.equipment)} />
      </MemoryRouter>,
    );
    const rows = within(screen.getByTestId('utilisation-table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['C-3 Unit C-3', '50.0 %', '232.5 h', '0.0 h', '720.0 h', 'crane-50t'],
      ['B-2 Unit B-2', '25.0 %', '180.0 h', '0.0 h', '720.0 h', 'crane-50t'],
      ['A-1 Unit A-1', '—', '0.0 h', '0.0 h', '720.0 h', 'crane-50t'],
    ]);
    expect(screen.getByRole('link', { name: 'C-3' }).getAttribute('href')).toBe(
      '/equipment/id-C-3',
    );
  });
});

describe('PriorityTable', () => {
  it('shows counts, response minutes and the on-time share with its counts', () => {
    renderWithMantine(
      <PriorityTable
        totals={[
          totals('urgent', {
            created: 4,
            dispatched: 3,
            completed: 2,
            medianTimeToDispatchSeconds: 750,
            p90TimeToDispatchSeconds: 5430,
            completedWithDueBy: 2,
            completedOnTime: 1,
            onTimeShare: 0.5,
          }),
          totals('low', { created: 1, cancelled: 1 }),
          totals('all', {
            created: 5,
            dispatched: 3,
            completed: 2,
            cancelled: 1,
            medianTimeToDispatchSeconds: 750,
            p90TimeToDispatchSeconds: 5430,
            completedWithDueBy: 3,
            completedOnTime: 2,
            onTimeShare: 2 / 3,
          }),
        ]}
      />,
    );
    const rows = within(screen.getByTestId('priority-table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Urgent', '4', '3', '2', '0', '13 min', '91 min', '50.0 % (1 of 2)'],
      ['Low', '1', '0', '0', '1', '—', '—', '—'],
      ['All priorities', '5', '3', '2', '1', '13 min', '91 min', '66.7 % (2 of 3)'],
    ]);
  });
});
