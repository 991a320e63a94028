/**
 * What `pnpm bench` needs beyond the router: the dashboard's and the queue's own statement
 * builders, so the benchmark EXPLAINs exactly what the procedures run. Not for the server or web.
 */
export { queueHeadQuery } from './read/queue';
export { activeDispatchesQuery, dashboardCountsQuery, freeEquipmentQuery } from './read/dashboard';
