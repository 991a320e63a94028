export * from './catalogue';
export * from './wakes-queue';
