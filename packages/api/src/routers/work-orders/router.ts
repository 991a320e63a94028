import { cancelWorkOrder } from './cancel';
import { createWorkOrder } from './create';
import { getWorkOrder } from './get';
import { listWorkOrders } from './list';
import { updateWorkOrder } from './update';

export const workOrdersProcedures = {
  list: listWorkOrders,
  get: getWorkOrder,
  create: createWorkOrder,
  update: updateWorkOrder,
  cancel: cancelWorkOrder,
};
