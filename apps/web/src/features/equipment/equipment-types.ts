import type { RouterOutputs } from '../../api/trpc';

export type TEquipmentItem = RouterOutputs['equipment']['list']['items'][number];
export type TEquipmentType = RouterOutputs['equipmentTypes']['list'][number];
