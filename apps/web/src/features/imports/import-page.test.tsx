import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../../test/helpers/test-api';
import ImportPage from './import-page';
import type { TImportReport } from './import-report';

const admin = {
  subject: 'a',
  name: 'Ada Admin',
  roles: ['admin'],
  capabilities: ['read', 'operate', 'administer'],
  driverId: null,
};

const report = (overrides: Partial<TImportReport>): TImportReport => ({
  mode: 'dry_run',
  rows: 2,
  created: 2,
  updated: 0,
  unchanged: 0,
  rejected: [],
  committed: false,
  ...overrides,
});

const BAD = 'code,name,type\nT-1,"Two\nlines",crane\nT-1,Again,crane\n';
const GOOD = 'code,name,type\nT-1,Tipper,crane\nT-2,Crane,crane\n';

async function choose(user: ReturnType<typeof userEvent.setup>, text: string) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await user.upload(input, new File([text], 'fleet.csv', { type: 'text/csv' }));
}

describe('ImportPage', () => {
  it('checks the file, lists the rejected rows, and commits only a clean file', async () => {
    const user = userEvent.setup();
    const api = createTestApi({
      'me.get': () => admin,
      'imports.equipment': (input) => {
        const { csv, mode } = input as { csv: string; mode: string };
        if (csv === BAD) {
          return report({
            created: 0,
            rejected: [
              { line: 2, key: 'T-1', reasons: ['name: Must not contain control characters.'] },
              { line: 4, key: 'T-1', reasons: ['code: T-1 is also on line 2.'] },
            ],
          });
        }
        return mode === 'commit' ? report({ mode: 'commit', committed: true }) : report({});
      },
    });
    api.render(<ImportPage />);
    const check = await screen.findByRole('button', { name: 'Check file' });
    expect(check.hasAttribute('disabled')).toBe(true);

    await choose(user, BAD);
    await user.click(check);
    const table = await screen.findByRole('table', { name: /Rejected rows/ });
    const lines = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('th')?.textContent);
    expect(lines).toEqual(['2', '4']);
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();

    await choose(user, GOOD);
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(check);
    await user.click(await screen.findByRole('button', { name: 'Import 2 rows' }));
    await waitFor(() =>
      expect(screen.getByText('Imported', { selector: 'div, span' })).toBeTruthy(),
    );
    expect(api.callsTo('imports.equipment').map((c) => c.input)).toEqual([
      { csv: BAD, mode: 'dry_run' },
      { csv: GOOD, mode: 'dry_run' },
      { csv: GOOD, mode: 'commit' },
    ]);
  });

  it('switches to drivers and tells a non-admin that only admins import', async () => {
    const user = userEvent.setup();
    const api = createTestApi({ 'me.get': () => admin, 'imports.drivers': () => report({}) });
    api.render(<ImportPage />);
    await user.click(await screen.findByText('Drivers'));
    expect(screen.getByText(/name,phone,email,qualifications,status/)).toBeTruthy();
    await choose(user, 'name,phone,email,qualifications\n');
    await user.click(screen.getByRole('button', { name: 'Check file' }));
    await waitFor(() => expect(api.callsTo('imports.drivers')).toHaveLength(1));

    const viewer = createTestApi({
      'me.get': () => ({ ...admin, roles: ['viewer'], capabilities: ['read'] }),
    });
    viewer.render(<ImportPage />);
    expect(await screen.findByText('Only an admin can import equipment and drivers.')).toBeTruthy();
  });
});
