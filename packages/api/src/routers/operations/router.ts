import { operationsReport } from './report';

export const operationsProcedures = { report: operationsReport };
