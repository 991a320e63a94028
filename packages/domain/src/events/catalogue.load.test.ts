import { expect, it } from 'vitest';

// Stryker's vitest runner scores a mutant that makes a module throw while it loads as "survived":
// the test files that import it fail to load and so report no failed test (stryker-js#6150). A
// catalogue whose variants are broken throws exactly there, when the union is built. Importing it
// inside a test turns that into a failing test, so such a mutant is killed, as it should be.
it('the event catalogue loads and builds one schema for every kind', async () => {
  const { EVENT_KINDS, parseEventBody } = await import('./catalogue');
  expect(EVENT_KINDS).toHaveLength(16);
  expect(parseEventBody({ kind: 'equipment_type.created', payload: { name: 'crane' } })).toEqual({
    kind: 'equipment_type.created',
    payload: { name: 'crane' },
  });
});
