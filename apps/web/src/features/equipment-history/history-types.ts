import type { RouterOutputs } from '../../api/trpc';

export type TEquipmentHistoryPage = RouterOutputs['equipment']['history'];
export type TEquipmentUnit = TEquipmentHistoryPage['unit'];
export type THistoryItem = TEquipmentHistoryPage['items'][number];
/** A dispatch of the unit, with its order and driver. */
export type THistoryDispatch = Extract<THistoryItem, { kind: 'dispatch' }>;
/** Something recorded against the unit: `event` is a catalogue-typed event (`event.kind`). */
export type THistoryEvent = Extract<THistoryItem, { kind: 'event' }>;
