import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DownloadCsvButton } from '../../components/download-csv-button';
import { completionCsvHref, utilizationCsvHref } from './csv-links';
import { DATE_PRESETS, type TDayRange, presetRange, windowOf } from './date-presets';
import type { TGroupBy } from './report-types';

export interface TReportFilters {
  range: TDayRange;
  groupBy: TGroupBy;
}

/**
 * Dates (with presets), day or week buckets, and the CSV downloads of exactly what is shown. A
 * half-picked range (first day chosen, last not yet) keeps the report on the previous range.
 */
export function ReportFilters(props: {
  value: TReportFilters;
  timeZone: string;
  onChange: (value: TReportFilters) => void;
}) {
  const [picking, setPicking] = useState<[string | null, string | null] | null>(null);
  const span = windowOf(props.value.range);
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Stack gap="xs">
      <Group gap="md" align="flex-end" wrap="wrap">
        <DatePickerInput
          type="range"
          label="Dates"
          w={{ base: '100%', xs: 280 }}
          value={picking ?? props.value.range}
          maxDate={today}
          allowSingleDateInRange
          presets={DATE_PRESETS.map((preset) => ({
            label: preset.label,
            value: presetRange(preset.id),
          }))}
          onChange={(value) => {
            const [first, last] = value;
            if (first && last) {
              setPicking(null);
              props.onChange({ ...props.value, range: [first, last] });
            } else {
              setPicking(value);
            }
          }}
          onDropdownClose={() => setPicking(null)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="group-by-label">
            Group by
          </Text>
          <SegmentedControl
            aria-labelledby="group-by-label"
            value={props.value.groupBy}
            onChange={(groupBy) =>
              props.onChange({ ...props.value, groupBy: groupBy === 'week' ? 'week' : 'day' })
            }
            data={[
              { value: 'day', label: 'Day' },
              { value: 'week', label: 'Week' },
            ]}
          />
        </Stack>
        <Group gap="sm" wrap="wrap">
          <DownloadCsvButton
            mih={36}
            label="Download completions CSV"
            path={completionCsvHref({
              ...span,
              groupBy: props.value.groupBy,
              timeZone: props.timeZone,
            })}
          />
          <DownloadCsvButton
            mih={36}
            label="Download utilisation CSV"
            path={utilizationCsvHref(span)}
          />
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        Days run from midnight to midnight in your time zone ({props.timeZone}); weeks start on
        Monday.
      </Text>
    </Stack>
  );
}
