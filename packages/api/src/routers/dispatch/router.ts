import { assignDispatch } from './assign';
import { listCandidates } from './candidates';
import { completeDispatch } from './complete';
import { releaseDispatch } from './release';

export const dispatchProcedures = {
  assign: assignDispatch,
  release: releaseDispatch,
  complete: completeDispatch,
  candidates: listCandidates,
};
