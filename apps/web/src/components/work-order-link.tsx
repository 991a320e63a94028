import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

/** The work order a unit or driver is on, linked; a dash in words when there is none. */
export function WorkOrderLink(props: { order: { id: string; reference: string } | null }) {
  if (!props.order) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/work-orders/${props.order.id}`}>
      {props.order.reference}
    </Anchor>
  );
}
