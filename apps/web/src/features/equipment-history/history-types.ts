import type { RouterOutputs } from '../../api/trpc';

export type TEquipmentHistoryPage = RouterOutputs['equipment']['history'];
export type TEquipmentUnit = TEquipmentHistoryPage['unit'];
export type THistoryItem = TEquipmentHistoryPage['items'][number];
export type THistoryDispatch = Extract<THistoryItem, { kind: 'dispatch' }>;
export type THistoryEvent = Extract<THistoryItem, { kind: 'event' }>;
