import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithMantine } from '../../../test/helpers/render-with-mantine';
import { DriverForm } from './driver-form';

const TYPES = [
  { id: '5d0f3b8e-7c1a-4b52-9a3e-2f6d8c1b4a70', name: 'crane-50t' },
  { id: '8a2e6c4d-1b3f-4e5a-8c7d-9f0b1a2c3d4e', name: 'flatbed' },
  { id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', name: 'tipper' },
];

type TUser = ReturnType<typeof userEvent.setup>;
const field = (name: RegExp) => screen.getByRole('textbox', { name });

async function fillValid(user: TUser) {
  await user.type(field(/^name/i), 'Ada Driver');
  await user.type(screen.getByLabelText(/^phone/i), '+44 20 7946 0958');
  await user.type(screen.getByLabelText(/^email/i), 'ada@example.com');
}

describe('DriverForm', () => {
  it('shows the shared schema messages for a bad email and phone', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithMantine(<DriverForm types={TYPES} onSubmit={onSubmit} />);
    await user.type(field(/^name/i), 'Ada');
    await user.type(screen.getByLabelText(/^phone/i), 'call me');
    await user.type(screen.getByLabelText(/^email/i), 'ada-at-example');
    await user.click(screen.getByRole('button', { name: 'Add driver' }));
    expect(screen.getByText('Use a phone number such as +44 20 7946 0958.')).toBeTruthy();
    expect(screen.getByText('Use a valid email address.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the chosen qualifications, with no login when left empty', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithMantine(<DriverForm types={TYPES} onSubmit={onSubmit} />);
    await fillValid(user);
    await user.click(screen.getByRole('combobox', { name: /qualifications/i }));
    await user.click(await screen.findByRole('option', { name: 'crane-50t' }));
    await user.click(await screen.findByRole('option', { name: 'tipper' }));
    await user.click(screen.getByRole('button', { name: 'Add driver' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Ada Driver',
      phone: '+44 20 7946 0958',
      email: 'ada@example.com',
      subject: null,
      qualificationTypeIds: [TYPES[0]?.id, TYPES[2]?.id],
    });
  });

  it('rejects a login subject with spaces', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithMantine(<DriverForm types={TYPES} onSubmit={onSubmit} />);
    await fillValid(user);
    await user.type(field(/login subject/i), 'ada driver');
    await user.click(screen.getByRole('button', { name: 'Add driver' }));
    expect(screen.getByText('Must be printable ASCII without spaces.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('edits with the update schema, keeps qualifications and shows server errors', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const initial = {
      id: '0b7e1f7a-3c2d-4e5f-8a9b-1c2d3e4f5a6b',
      name: 'Ada',
      phone: '+44 20 7946 0958',
      email: 'ada@example.com',
      subject: 'ada-login',
      qualificationTypeIds: [TYPES[1]?.id ?? ''],
    };
    const serverErrors = { subject: ['Another driver is already linked to this login.'] };
    renderWithMantine(
      <DriverForm
        types={TYPES}
        initial={initial}
        onSubmit={onSubmit}
        serverErrors={serverErrors}
      />,
    );
    expect(await screen.findByText(serverErrors.subject[0] ?? '')).toBeTruthy();
    await user.clear(field(/login subject/i));
    expect(screen.queryByText(serverErrors.subject[0] ?? '')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Ada',
      phone: '+44 20 7946 0958',
      email: 'ada@example.com',
      subject: null,
      qualificationTypeIds: [TYPES[1]?.id],
    });
  });
});
