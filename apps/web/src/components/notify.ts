import { notifications } from '@mantine/notifications';
import { apiErrorInfo } from '../api/errors';

export function notifySuccess(message: string) {
  notifications.show({ color: 'green', title: 'Done', message });
}

export function notifyFailure(error: unknown) {
  notifications.show({ color: 'red', title: 'Not saved', message: apiErrorInfo(error).message });
}
