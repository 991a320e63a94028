import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from './roles';
import { hasCapability } from './roles';

describe('roles', () => {
  const table = {
    viewer: { read: true, operate: false, administer: false, drive: false },
    driver: { read: false, operate: false, administer: false, drive: true },
    dispatcher: { read: true, operate: true, administer: false, drive: false },
    admin: { read: true, operate: true, administer: true, drive: false },
  } as const;

  for (const [role, expected] of Object.entries(table)) {
    for (const capability of CAPABILITIES) {
      it(`${role} ${expected[capability] ? 'may' : 'may not'} ${capability}`, () => {
        expect(hasCapability([role], capability)).toBe(expected[capability]);
      });
    }
  }

  it('ignores unknown roles and grants nothing to no roles', () => {
    for (const capability of CAPABILITIES) {
      expect(hasCapability([], capability)).toBe(false);
      expect(hasCapability(['offline_access', 'superuser'], capability)).toBe(false);
    }
  });
});
