import {
  DRIVER_IMPORT_COLUMNS,
  EQUIPMENT_IMPORT_COLUMNS,
  QUALIFICATION_SEPARATOR,
} from '@dispatch/domain';

export type TImportKind = 'equipment' | 'drivers';

/** What the page says about each kind of file; the columns come from the shared domain lists. */
export const IMPORT_KINDS = {
  equipment: {
    label: 'Equipment',
    keyLabel: 'Code',
    columns: EQUIPMENT_IMPORT_COLUMNS,
    exportPath: '/export/equipment.csv',
    notes: [
      'Rows are matched by code: a new code adds a unit, a known code updates it.',
      'type is the name of an equipment type that already exists (see Settings).',
      'status, if given, is available, maintenance or out_of_service; empty keeps the current status.',
    ],
  },
  drivers: {
    label: 'Drivers',
    keyLabel: 'Email',
    columns: DRIVER_IMPORT_COLUMNS,
    exportPath: '/export/drivers.csv',
    notes: [
      'Rows are matched by email (ignoring case): a new email adds a driver, a known one updates them.',
      `qualifications lists equipment type names separated by "${QUALIFICATION_SEPARATOR}"; it replaces the driver's list.`,
      'status, if given, is available or off_duty; empty keeps the current status.',
    ],
  },
} as const;
