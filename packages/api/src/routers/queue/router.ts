import { fillQueueNow } from './fill';
import { listQueue } from './list';

export const queueProcedures = { list: listQueue, fill: fillQueueNow };
