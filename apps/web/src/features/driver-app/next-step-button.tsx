import { Button } from '@mantine/core';
import { useState } from 'react';
import { ConfirmStepModal } from './confirm-step-modal';
import { NEXT_STEPS, type TJob } from './job';

/** The one big button that moves the job on; every step is confirmed first. */
export function NextStepButton({ job }: { job: TJob }) {
  const [confirming, setConfirming] = useState(false);
  const step = NEXT_STEPS[job.status];
  if (!step) return null;
  return (
    <>
      <Button
        data-testid="next-step"
        size="xl"
        mih={56}
        fullWidth
        color={step.to === 'completed' ? 'green' : 'blue'}
        onClick={() => setConfirming(true)}
      >
        {step.label}
      </Button>
      {confirming && (
        <ConfirmStepModal
          key={`${job.dispatchId}-${step.to}`}
          job={job}
          step={step}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}
