import { router } from '../../trpc';
import { fillQueueNow } from './fill';
import { listQueue } from './list';

export const queueRouter = router({ list: listQueue, fill: fillQueueNow });
