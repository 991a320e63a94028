import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled panel of the dashboard, labelled by its heading for screen readers. */
export function Section(props: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${props.id}-title`}>
      <Title order={3} size="h4" mb="sm" id={`${props.id}-title`}>
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}
