/** Marks the events an import wrote, so a timeline can tell them from edits in the app. */
export const IMPORT_SOURCE = 'csv_import';
