import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithMantine } from '../../../test/helpers/render-with-mantine';
import { ImportReport, type TImportReport } from './import-report';

const checked: TImportReport = {
  mode: 'dry_run',
  rows: 6,
  created: 2,
  updated: 1,
  unchanged: 1,
  committed: false,
  rejected: [
    { line: 3, key: 'ML-1', reasons: ['name: Must not contain control characters.'] },
    {
      line: 7,
      key: 'BUSY-1',
      reasons: [
        'code: BUSY-1 is also on line 5.',
        'type: BUSY-1 is on a job (WO-000012); release it before changing its type.',
      ],
    },
  ],
};

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

describe('ImportReport', () => {
  it('lists every rejected row with its line, key and each reason, and offers no import', () => {
    const onCommit = vi.fn();
    renderWithMantine(<ImportReport report={checked} keyLabel="Code" onCommit={onCommit} />);
    const table = screen.getByRole('table', { name: 'Rejected rows, by line in the file' });
    const [header, ...rows] = within(table).getAllByRole('row');
    expect(
      header &&
        within(header)
          .getAllByRole('columnheader')
          .map((c) => c.textContent),
    ).toEqual(['Line', 'Code', 'Problems']);
    expect(rows.map(cells)).toEqual([
      ['3', 'ML-1', 'name: Must not contain control characters.'],
      [
        '7',
        'BUSY-1',
        'code: BUSY-1 is also on line 5.type: BUSY-1 is on a job (WO-000012); release it before changing its type.',
      ],
    ]);
    const reasons = rows[1] ? within(rows[1]).getAllByRole('listitem') : [];
    expect(reasons).toHaveLength(2);
    expect(screen.getByRole('alert').textContent).toContain('2 rows rejected');
    expect(screen.queryByRole('button', { name: /import/i })).toBeNull();
  });

  it('shows the counts, and the import button only for a clean check', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn();
    renderWithMantine(
      <ImportReport report={{ ...checked, rejected: [] }} keyLabel="Email" onCommit={onCommit} />,
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Rows in the file').nextSibling?.textContent).toBe('6');
    expect(screen.getByText('New').nextSibling?.textContent).toBe('2');
    expect(screen.getByText('Rejected').nextSibling?.textContent).toBe('0');
    await user.click(screen.getByRole('button', { name: 'Import 6 rows' }));
    expect(onCommit).toHaveBeenCalledOnce();
  });

  it('says nothing was imported when a commit found rejected rows', () => {
    renderWithMantine(
      <ImportReport report={{ ...checked, mode: 'commit' }} keyLabel="Code" onCommit={vi.fn()} />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Nothing was imported');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /import/i })).toBeNull();
  });

  it('offers nothing to import when every row already matches', () => {
    renderWithMantine(
      <ImportReport
        report={{ ...checked, created: 0, updated: 0, unchanged: 6, rejected: [] }}
        keyLabel="Code"
        onCommit={vi.fn()}
      />,
    );
    expect(screen.getByText('Every row matches the current data.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
