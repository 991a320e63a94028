import type { TCreateWorkOrderInput } from '@dispatch/domain';
import type { THarness } from './harness';
import { principals } from './principals';

let counter = 0;
const next = () => ++counter;

/** Builders for a small fleet, all through the real procedures (so events and rules apply). */
export function fleet(h: THarness) {
  return {
    type: (name = `type-${next()}`) => h.admin.equipmentTypes.create({ name }),
    equipment: (typeId: string, code = `E-${next()}`) =>
      h.admin.equipment.create({ code, name: `Unit ${code}`, typeId }),
    driver: (qualificationTypeIds: string[], opts: { name?: string; subject?: string } = {}) => {
      const n = next();
      return h.admin.drivers.create({
        name: opts.name ?? `Driver ${n}`,
        phone: `+1 555 01${String(n).padStart(2, '0')}`,
        email: `driver${n}@example.com`,
        qualificationTypeIds,
        ...(opts.subject ? { subject: opts.subject } : {}),
      });
    },
    /** The driver record behind the `driver` test principal. */
    linkedDriver: (qualificationTypeIds: string[], who: 'driver' | 'driver2' = 'driver') =>
      h.admin.drivers.create({
        name: principals[who].name,
        phone: '+1 555 0199',
        email: `${who}@example.com`,
        subject: principals[who].subject,
        qualificationTypeIds,
      }),
    order: (equipmentTypeId: string, extra: Partial<TCreateWorkOrderInput> = {}) =>
      h.dispatcher.workOrders.create({
        title: `Job ${next()}`,
        siteAddress: '1 Harbour Road',
        equipmentTypeId,
        ...extra,
      }),
    autoDispatch: (on: boolean) => h.admin.settings.update({ autoDispatch: on }),
  };
}

/** The tRPC error code and domain reason of a rejected call. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: string; reason: string | null }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return { code: e.code ?? 'UNKNOWN', reason: e.cause?.code ?? null };
  }
  throw new Error('expected the call to be rejected, but it succeeded');
}
