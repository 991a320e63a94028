import { Sparkline } from '@mantine/charts';
import { Badge, Code, Group, Select, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatCount, formatMs, formatShareAtGlance, formatWeek } from '../../lib/format';
import type { TProcedureUsage } from './operations-types';

type TSortKey = 'path' | 'calls' | 'distinctUsers' | 'p95Ms' | 'errors';

const COLUMNS: { key: TSortKey; label: string; numeric: boolean }[] = [
  { key: 'path', label: 'Procedure', numeric: false },
  { key: 'calls', label: 'Calls', numeric: true },
  { key: 'distinctUsers', label: 'Users', numeric: true },
  { key: 'p95Ms', label: 'p95', numeric: true },
  { key: 'errors', label: 'Errors (period)', numeric: true },
];

interface TRow {
  path: string;
  calls: number;
  distinctUsers: number;
  p95Ms: number | null;
  slowShare: number | null;
  errors: number;
  perWeek: number[];
}

function rowsFor(procedures: readonly TProcedureUsage[], scope: string): TRow[] {
  return procedures.map((p) => {
    const figures = scope === 'all' ? p : p.weeks.find((w) => w.weekStart === scope);
    return {
      path: p.path,
      calls: figures?.calls ?? 0,
      distinctUsers: figures?.distinctUsers ?? 0,
      p95Ms: figures?.p95Ms ?? null,
      slowShare: figures?.slowShare ?? null,
      errors: p.errors,
      perWeek: p.weeks.map((w) => w.calls),
    };
  });
}

function compare(a: TRow, b: TRow, key: TSortKey): number {
  if (key === 'path') return a.path.localeCompare(b.path);
  return (a[key] ?? -1) - (b[key] ?? -1) || a.path.localeCompare(b.path);
}

/**
 * Every procedure with its calls, distinct users, p95 and share over 5 s, for the whole period or
 * one week: heavily used ones on top by default, unused ones marked, any column sortable.
 */
export function ProcedureUsageTable(props: {
  procedures: readonly TProcedureUsage[];
  weeks: readonly string[];
}) {
  const [scope, setScope] = useState('all');
  const [sort, setSort] = useState<{ key: TSortKey; descending: boolean }>({
    key: 'calls',
    descending: true,
  });
  const rows = useMemo(() => {
    const sorted = rowsFor(props.procedures, scope).sort((a, b) => compare(a, b, sort.key));
    return sort.descending ? sorted.reverse() : sorted;
  }, [props.procedures, scope, sort]);
  const total = rows.reduce((sum, r) => sum + r.calls, 0);
  const weekOptions = [
    { value: 'all', label: `All ${props.weeks.length} weeks` },
    ...[...props.weeks].reverse().map((w) => ({ value: w, label: formatWeek(w) })),
  ];

  return (
    <>
      <Group mb="sm">
        <Select
          label="Period"
          data={weekOptions}
          value={scope}
          onChange={(value) => setScope(value ?? 'all')}
          allowDeselect={false}
          w={220}
        />
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="procedure-usage-table">
          <Table.Caption>
            Calls per procedure; click a column heading to sort. Weeks start Monday 00:00 UTC.
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                const direction = sort.descending ? 'descending' : 'ascending';
                return (
                  <Table.Th
                    key={column.key}
                    scope="col"
                    aria-sort={active ? direction : 'none'}
                    ta={column.numeric ? 'right' : undefined}
                  >
                    <UnstyledButton
                      fw={600}
                      fz="sm"
                      onClick={() =>
                        setSort({
                          key: column.key,
                          descending: active ? !sort.descending : column.numeric,
                        })
                      }
                    >
                      {column.label} {active ? (sort.descending ? '▼' : '▲') : ''}
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
              <Table.Th scope="col" ta="right">
                Share of calls
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Over 5 s
              </Table.Th>
              <Table.Th scope="col">Calls per week</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.path} data-testid={`usage-${row.path}`}>
                <Table.Th scope="row">
                  <Group gap="xs" wrap="nowrap">
                    <Code>{row.path}</Code>
                    {row.calls === 0 && (
                      <Badge size="xs" variant="outline" color="gray">
                        unused
                      </Badge>
                    )}
                  </Group>
                </Table.Th>
                <Table.Td ta="right">{formatCount(row.calls)}</Table.Td>
                <Table.Td ta="right">{formatCount(row.distinctUsers)}</Table.Td>
                <Table.Td ta="right">{formatMs(row.p95Ms)}</Table.Td>
                <Table.Td ta="right">{formatCount(row.errors)}</Table.Td>
                <Table.Td ta="right">
                  {formatShareAtGlance(total > 0 ? row.calls / total : null)}
                </Table.Td>
                <Table.Td ta="right">
                  <Text span size="sm" c={row.slowShare ? 'red' : undefined}>
                    {formatShareAtGlance(row.slowShare)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Sparkline w={120} h={28} data={row.perWeek} curveType="linear" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
