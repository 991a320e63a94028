import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithMantine } from '../../../test/helpers/render-with-mantine';
import { apiError } from '../../../test/helpers/test-api';
import { WorkOrderForm } from './work-order-form';

const crane = { id: '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11', name: 'crane-50t' };
const tipper = { id: '7a2d2d8f-9e4b-4c9f-8b63-3d2a8b1c0f22', name: 'tipper' };

function setup(onSubmit: (values: unknown) => Promise<unknown> = () => Promise.resolve()) {
  const handler = vi.fn(onSubmit);
  renderWithMantine(<WorkOrderForm equipmentTypes={[crane, tipper]} onSubmit={handler} />);
  return handler;
}

const field = (name: string) => screen.getByRole('textbox', { name });

async function fillValid() {
  const user = userEvent.setup();
  await user.type(field('Title'), '  Lift the generator  ');
  await user.type(field('Site address'), '1 Quay St');
  await user.click(screen.getByRole('combobox', { name: 'Equipment type' }));
  await user.click(await screen.findByRole('option', { name: 'crane-50t' }));
  await user.click(screen.getByRole('radio', { name: 'Urgent' }));
  return user;
}

describe('WorkOrderForm', () => {
  it('shows the shared schema messages for an empty title, site and type', async () => {
    const handler = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Create work order' }));
    // Title, site and the unchosen equipment type: all three say so in the shared schema's words.
    expect(await screen.findAllByText('Required.')).toHaveLength(3);
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(field('Site address').getAttribute('aria-invalid')).toBe('true');
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes the parsed values to the submit handler', async () => {
    const handler = setup();
    const user = await fillValid();
    await user.click(screen.getByRole('button', { name: 'Create work order' }));
    await waitFor(() => expect(handler).toHaveBeenCalledTimes(1));
    expect(handler).toHaveBeenCalledWith({
      title: 'Lift the generator',
      description: '',
      siteAddress: '1 Quay St',
      equipmentTypeId: crane.id,
      priority: 'urgent',
    });
  });

  it('shows the server field errors and its message', async () => {
    setup(() =>
      Promise.reject(
        apiError('BAD_REQUEST', 'Check the highlighted fields.', {
          reason: 'INVALID_INPUT',
          fieldErrors: { siteAddress: ['Use at most 300 characters.'] },
        }),
      ),
    );
    const user = await fillValid();
    await user.click(screen.getByRole('button', { name: 'Create work order' }));
    expect(await screen.findByText('Use at most 300 characters.')).toBeTruthy();
    expect(field('Site address').getAttribute('aria-invalid')).toBe('true');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Check the highlighted fields.',
    );
  });
});
