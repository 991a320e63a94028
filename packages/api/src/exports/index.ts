// What the server's /export routes use: the row sources and the CSV stream they go through.
export { csvStream, type TCsvCell, type TCsvTable } from '../csv/write-csv';
export { completionCsv } from './completion';
export { driversCsv } from './drivers';
export { equipmentCsv } from './equipment';
export { UTILIZATION_PARTS, utilizationCsv, type TUtilizationPart } from './utilization';
export { workOrdersCsv } from './work-orders';
