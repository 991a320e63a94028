import { z } from 'zod';

export const ZListQueueSchema = z
  .object({ limit: z.number().int().min(1).max(500).default(100) })
  .default({ limit: 100 });
export type TListQueue = z.infer<typeof ZListQueueSchema>;
