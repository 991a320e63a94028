import { Button, Stack, Text, Title } from '@mantine/core';
import { signOut } from '../features/auth/sign-out';

export default function NoAccessPage() {
  return (
    <Stack maw={420} mx="auto" mt="xl" align="center" ta="center">
      <Title order={2}>No access yet</Title>
      <Text>
        Your account has no Dispatch role. Ask an administrator to give you one, then sign in again.
      </Text>
      <Button onClick={() => void signOut()}>Sign out</Button>
    </Stack>
  );
}
