import { describe, expect, it } from 'vitest';
import { ZUpdateSettingsSchema } from './settings';

describe('settings input', () => {
  it('takes the auto-dispatch switch as a boolean', () => {
    expect(ZUpdateSettingsSchema.parse({ autoDispatch: true })).toEqual({ autoDispatch: true });
    expect(ZUpdateSettingsSchema.parse({ autoDispatch: false })).toEqual({ autoDispatch: false });
    expect(ZUpdateSettingsSchema.safeParse({ autoDispatch: 'true' }).success).toBe(false);
    expect(ZUpdateSettingsSchema.safeParse({}).success).toBe(false);
  });
});
