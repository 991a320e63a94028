import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { RouterOutputs } from '../../api/trpc';
import { NO_VALUE, formatCount, plural } from '../../lib/format';

export type TImportReport = RouterOutputs['imports']['equipment'];

/**
 * What a checked or imported file holds: counts, then every rejected row with its line in the file
 * and each reason. The import button appears only for a check with no rejected row and something
 * to change, because the server writes all rows or none.
 */
export function ImportReport(props: {
  report: TImportReport;
  keyLabel: string;
  onCommit?: () => void;
  committing?: boolean;
}) {
  const { report } = props;
  const changes = report.created + report.updated;
  const counts = [
    { label: 'Rows in the file', value: report.rows },
    {
      label: report.mode === 'commit' && report.committed ? 'Created' : 'New',
      value: report.created,
    },
    {
      label: report.mode === 'commit' && report.committed ? 'Updated' : 'Changed',
      value: report.updated,
    },
    { label: 'Unchanged', value: report.unchanged },
    { label: 'Rejected', value: report.rejected.length },
  ];
  return (
    <Stack gap="md" aria-live="polite">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {counts.map((count) => (
          <Paper key={count.label} withBorder p="sm">
            <Text size="xs" c="dimmed">
              {count.label}
            </Text>
            <Text fw={700} size="xl">
              {formatCount(count.value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Outcome report={report} changes={changes} />
      {report.mode === 'dry_run' &&
        report.rejected.length === 0 &&
        changes > 0 &&
        props.onCommit && (
          <Group>
            <Button onClick={props.onCommit} loading={props.committing ?? false}>
              Import {plural(report.rows, 'row', 'rows')}
            </Button>
          </Group>
        )}
      {report.rejected.length > 0 && <RejectedRows report={report} keyLabel={props.keyLabel} />}
    </Stack>
  );
}

function Outcome(props: { report: TImportReport; changes: number }) {
  const { report, changes } = props;
  const rejected = plural(report.rejected.length, 'row', 'rows');
  if (report.mode === 'commit') {
    return report.committed ? (
      <Alert color="green" title="Imported">
        {plural(report.created, 'row', 'rows')} created, {plural(report.updated, 'row', 'rows')}{' '}
        updated, {formatCount(report.unchanged)} unchanged.
      </Alert>
    ) : (
      <Alert color="red" title="Nothing was imported" role="alert">
        {rejected} failed when importing: the data changed since the file was checked. Fix them and
        check the file again.
      </Alert>
    );
  }
  if (report.rejected.length > 0) {
    return (
      <Alert color="yellow" title={`${rejected} rejected`} role="alert">
        Nothing is imported while any row is rejected. Fix the rows below in the file and check it
        again.
      </Alert>
    );
  }
  return changes > 0 ? (
    <Alert color="blue" title="Ready to import">
      Every row is valid: {plural(report.created, 'new row', 'new rows')} and{' '}
      {plural(report.updated, 'changed row', 'changed rows')} will be written together.
    </Alert>
  ) : (
    <Alert color="gray" title="Nothing to import">
      Every row matches the current data.
    </Alert>
  );
}

function RejectedRows(props: { report: TImportReport; keyLabel: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>Rejected rows, by line in the file</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Line</Table.Th>
            <Table.Th scope="col">{props.keyLabel}</Table.Th>
            <Table.Th scope="col">Problems</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.report.rejected.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Th scope="row">{row.line}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.key ?? NO_VALUE}</Table.Td>
              <Table.Td>
                <List size="sm" spacing={2}>
                  {row.reasons.map((reason, i) => (
                    <List.Item key={i}>{reason}</List.Item>
                  ))}
                </List>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
