import { Button, Center, Text } from '@mantine/core';
import { formatCount } from '../lib/format';

/** The "Load more" button under a paged list, or a note that everything is shown. */
export function LoadMore(props: {
  hasNextPage: boolean;
  loading: boolean;
  shown: number;
  onLoadMore: () => void;
}) {
  return (
    <Center mt="md">
      {props.hasNextPage ? (
        <Button variant="default" mih={44} loading={props.loading} onClick={props.onLoadMore}>
          Load more
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {props.shown === 1 ? 'Showing 1 item' : `Showing all ${formatCount(props.shown)} items`}
        </Text>
      )}
    </Center>
  );
}
