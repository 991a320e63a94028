import type { TDispatchOutcome, TDriverStage, TWorkOrderStatus } from '@dispatch/domain';
import dayjs from 'dayjs';
import type { RouterOutputs } from '../../api/trpc';

export type TMyDispatches = RouterOutputs['driverApp']['myDispatches'];
export type TJob = NonNullable<TMyDispatches['current']>;

export interface TNextStep {
  to: TDriverStage;
  /** The big button. */
  label: string;
  /** The confirmation question and its "yes" answer. */
  question: string;
  yes: string;
  /** Said once the step is done. */
  done: string;
  askNote: boolean;
}

/** The one next step from each stage of an active job. */
export const NEXT_STEPS: Partial<Record<TWorkOrderStatus, TNextStep>> = {
  dispatched: {
    to: 'en_route',
    label: 'Start trip',
    question: 'Are you setting off to the site now?',
    yes: 'Yes, start trip',
    done: 'Trip started. Dispatch can see you are on the way.',
    askNote: false,
  },
  en_route: {
    to: 'on_site',
    label: 'I have arrived',
    question: 'Are you at the site now?',
    yes: 'Yes, I have arrived',
    done: 'Arrival recorded.',
    askNote: false,
  },
  on_site: {
    to: 'completed',
    label: 'Complete job',
    question: 'Is the job finished?',
    yes: 'Yes, complete job',
    done: 'Job completed. Thank you!',
    askNote: true,
  },
};

/** Where the job stands, in words, with the time it got there. */
export function stageInWords(job: TJob): string {
  switch (job.status) {
    case 'dispatched':
      return `Assigned to you, not started yet (since ${formatTime(job.assignedAt)})`;
    case 'en_route':
      return `On the way to the site (since ${formatTime(job.enRouteAt)})`;
    case 'on_site':
      return `On site, working (since ${formatTime(job.onSiteAt)})`;
    default:
      return job.status.replace(/_/g, ' ');
  }
}

export const OUTCOME_WORDS: Record<TDispatchOutcome, string> = {
  completed: 'Completed',
  released: 'Taken back by dispatch',
  cancelled: 'Cancelled',
};

export function formatTime(date: Date | null): string {
  if (!date) return 'unknown';
  const time = dayjs(date);
  return time.isSame(dayjs(), 'day')
    ? `today ${time.format('HH:mm')}`
    : time.format('ddd D MMM, HH:mm');
}

export function mapsUrl(job: Pick<TJob, 'lat' | 'lng'>): string | null {
  if (job.lat === null || job.lng === null) return null;
  return `https://www.openstreetmap.org/?mlat=${job.lat}&mlon=${job.lng}`;
}
