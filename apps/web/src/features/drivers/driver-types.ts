import type { RouterOutputs } from '../../api/trpc';

export type TDriverItem = RouterOutputs['drivers']['list']['items'][number];
