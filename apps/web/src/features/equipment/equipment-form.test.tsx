import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithMantine } from '../../../test/helpers/render-with-mantine';
import { EquipmentForm } from './equipment-form';

const TYPES = [
  { id: '5d0f3b8e-7c1a-4b52-9a3e-2f6d8c1b4a70', name: 'crane-50t' },
  { id: '8a2e6c4d-1b3f-4e5a-8c7d-9f0b1a2c3d4e', name: 'flatbed' },
];

async function chooseType(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('combobox', { name: /type/i }));
  await user.click(await screen.findByRole('option', { name }));
}

describe('EquipmentForm', () => {
  it('shows the shared schema errors for an empty form and does not submit', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithMantine(<EquipmentForm types={TYPES} onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Add equipment' }));
    expect(screen.getAllByText('Required.')).toHaveLength(2);
    expect(screen.getByText('Choose an equipment type.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('rejects a code the schema does not allow', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithMantine(<EquipmentForm types={TYPES} onSubmit={onSubmit} />);
    await user.type(screen.getByRole('textbox', { name: /code/i }), 'T 12!');
    await user.click(screen.getByRole('button', { name: 'Add equipment' }));
    expect(screen.getByText('Use letters, digits and dashes, e.g. T-12.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('accepts a lower-case code and submits it normalised', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithMantine(<EquipmentForm types={TYPES} onSubmit={onSubmit} />);
    await user.type(screen.getByRole('textbox', { name: /code/i }), ' t-12 ');
    await user.type(screen.getByRole('textbox', { name: /name/i }), '  Tower crane ');
    await chooseType(user, 'flatbed');
    await user.click(screen.getByRole('button', { name: 'Add equipment' }));
    expect(onSubmit).toHaveBeenCalledWith({
      code: 'T-12',
      name: 'Tower crane',
      typeId: TYPES[1]?.id,
    });
  });

  it('shows the server field error next to its input', async () => {
    const serverErrors = { code: ['Another piece of equipment already has this code.'] };
    renderWithMantine(
      <EquipmentForm types={TYPES} onSubmit={vi.fn()} serverErrors={serverErrors} />,
    );
    const code = screen.getByRole('textbox', { name: /code/i });
    expect(await screen.findByText(serverErrors.code[0] ?? '')).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a general server message and edits with the update schema', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const initial = {
      id: '0b7e1f7a-3c2d-4e5f-8a9b-1c2d3e4f5a6b',
      code: 'T-1',
      name: 'Old',
      typeId: TYPES[0]?.id ?? '',
    };
    renderWithMantine(
      <EquipmentForm
        types={TYPES}
        initial={initial}
        onSubmit={onSubmit}
        serverMessage="T-1 is on a job."
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('T-1 is on a job.');
    const name = screen.getByRole('textbox', { name: /name/i });
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('Required.')).toBeTruthy();
    await user.type(name, 'New');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenCalledWith({ code: 'T-1', name: 'New', typeId: TYPES[0]?.id });
  });
});
