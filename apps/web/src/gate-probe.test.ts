import { gateProbe } from '@dispatch/test-gate';

gateProbe();
