import { Code, Stack, Text } from '@mantine/core';
import { formatCount, formatHours, formatShare } from '../../lib/format';
import { formatDateTime } from '../../lib/time';
import type { TUtilizationReport } from './report-types';

/**
 * The formula beside the numbers, worked through for the whole fleet with the actual hours, so a
 * reader can check any row of the table the same way.
 */
export function UtilisationFormula({ report }: { report: TUtilizationReport }) {
  const { fleet, window: span } = report;
  const measured = span.effectiveTo.getTime() < span.to.getTime();
  return (
    <Stack gap={4} data-testid="utilisation-formula">
      <Text size="sm">
        <Code>utilisation = assigned ÷ (window − maintenance)</Code>
      </Text>
      <Text size="sm">
        Window: {formatHours(span.hours)} per unit, {formatDateTime(span.effectiveFrom)} to{' '}
        {formatDateTime(span.effectiveTo)}
        {measured ? ' (now; later hours are not counted)' : ''}. A unit added later is counted from
        when it was added. Maintenance includes time out of service.
      </Text>
      <Text size="sm" fw={600}>
        Fleet ({formatCount(fleet.equipmentCount)} units): {formatHours(fleet.assignedHours)} ÷ (
        {formatHours(fleet.windowHours)} − {formatHours(fleet.unavailableHours)}) ={' '}
        {formatShare(fleet.utilization)}
      </Text>
    </Stack>
  );
}
