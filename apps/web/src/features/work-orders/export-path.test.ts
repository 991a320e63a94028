import { describe, expect, it } from 'vitest';
import { exportPathFor } from './work-order-filters';

describe('the work-order CSV link', () => {
  it('carries the filters as the list procedure names them', () => {
    expect(
      exportPathFor(
        {
          statuses: ['queued', 'new'],
          priorities: ['urgent'],
          equipmentTypeId: '5d0f3b8e-7c1a-4b52-9a3e-2f6d8c1b4a70',
          search: 'typed, not yet debounced',
        },
        'harbour & quay',
      ),
    ).toBe(
      '/export/work-orders.csv?statuses=queued&statuses=new&priorities=urgent' +
        '&equipmentTypeId=5d0f3b8e-7c1a-4b52-9a3e-2f6d8c1b4a70&search=harbour+%26+quay',
    );
  });

  it('is the bare export without filters', () => {
    expect(
      exportPathFor({ statuses: [], priorities: [], equipmentTypeId: null, search: '' }, ''),
    ).toBe('/export/work-orders.csv');
  });
});
