import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount, formatHours, formatShare } from '../../lib/format';
import type { TUtilizationReport } from './report-types';

const Num = Table.Td;

function HoursHead() {
  return (
    <>
      <Table.Th scope="col" ta="right">
        Utilisation
      </Table.Th>
      <Table.Th scope="col" ta="right">
        Assigned
      </Table.Th>
      <Table.Th scope="col" ta="right">
        Maintenance
      </Table.Th>
      <Table.Th scope="col" ta="right">
        Window
      </Table.Th>
    </>
  );
}

function HoursCells(props: {
  row: {
    windowHours: number;
    assignedHours: number;
    unavailableHours: number;
    utilization: number | null;
  };
}) {
  return (
    <>
      <Num ta="right" fw={600}>
        {formatShare(props.row.utilization)}
      </Num>
      <Num ta="right">{formatHours(props.row.assignedHours)}</Num>
      <Num ta="right">{formatHours(props.row.unavailableHours)}</Num>
      <Num ta="right">{formatHours(props.row.windowHours)}</Num>
    </>
  );
}

/** Every unit, busiest first (the chart shows only the top ones), linked to its history. */
export function EquipmentUtilisationTable(props: { sorted: TUtilizationReport['equipment'] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs" data-testid="utilisation-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Unit</Table.Th>
            <HoursHead />
            <Table.Th scope="col">Type</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.sorted.map((row) => (
            <Table.Tr key={row.equipmentId}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/equipment/${row.equipmentId}`} inherit>
                  {row.code}
                </Anchor>{' '}
                <span style={{ fontWeight: 400 }}>{row.name}</span>
              </Table.Th>
              <HoursCells row={row} />
              <Table.Td>{row.typeName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TypeUtilisationTable(props: { types: TUtilizationReport['types'] }) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing="xs" data-testid="type-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col" ta="right">
              Units
            </Table.Th>
            <HoursHead />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.types.map((row) => (
            <Table.Tr key={row.typeId}>
              <Table.Th scope="row">{row.typeName}</Table.Th>
              <Num ta="right">{formatCount(row.equipmentCount)}</Num>
              <HoursCells row={row} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Drivers by hours on dispatch in the window, the busiest first. */
export function DriverWorkloadTable(props: { drivers: TUtilizationReport['drivers'] }) {
  const rows = [...props.drivers].sort(
    (a, b) => b.dispatchHours - a.dispatchHours || a.name.localeCompare(b.name, 'en'),
  );
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped verticalSpacing="xs" data-testid="driver-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Driver</Table.Th>
            <Table.Th scope="col" ta="right">
              Dispatches
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Hours on dispatch
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.driverId}>
              <Table.Th scope="row">{row.name}</Table.Th>
              <Num ta="right">{formatCount(row.dispatchCount)}</Num>
              <Num ta="right">{formatHours(row.dispatchHours)}</Num>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
