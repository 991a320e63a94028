import { router } from '../../trpc';
import { assignDispatch } from './assign';
import { listCandidates } from './candidates';
import { completeDispatch } from './complete';
import { releaseDispatch } from './release';

export const dispatchRouter = router({
  assign: assignDispatch,
  release: releaseDispatch,
  complete: completeDispatch,
  candidates: listCandidates,
});
