/**
 * The demo company: a small plant-hire and haulage fleet. Plain data; `seedDemoData` turns it into
 * consistent rows (statuses, dispatches and events that agree with each other).
 */
export const DEMO_SUBJECTS = {
  admin: 'demo-admin',
  dispatcher: 'demo-dispatcher',
  driver: 'demo-driver',
  viewer: 'demo-viewer',
} as const;

export const DEMO_TYPES = ['flatbed', 'crane-50t', 'excavator', 'tipper', 'lowloader'] as const;
type TDemoType = (typeof DEMO_TYPES)[number];

export const DEMO_EQUIPMENT: {
  code: string;
  name: string;
  type: TDemoType;
  status?: 'maintenance' | 'out_of_service';
}[] = [
  { code: 'FB-01', name: 'Volvo FH flatbed', type: 'flatbed' },
  { code: 'FB-02', name: 'Scania R450 flatbed', type: 'flatbed' },
  { code: 'FB-03', name: 'DAF XF flatbed', type: 'flatbed' },
  { code: 'FB-04', name: 'MAN TGX flatbed', type: 'flatbed' },
  { code: 'CR-01', name: 'Liebherr LTM 1050', type: 'crane-50t' },
  { code: 'CR-02', name: 'Tadano ATF 50G', type: 'crane-50t' },
  { code: 'CR-03', name: 'Grove GMK3050', type: 'crane-50t', status: 'maintenance' },
  { code: 'EX-01', name: 'CAT 320 excavator', type: 'excavator' },
  { code: 'EX-02', name: 'Komatsu PC210', type: 'excavator' },
  { code: 'EX-03', name: 'Volvo EC220', type: 'excavator' },
  { code: 'TP-01', name: 'Mercedes Arocs tipper', type: 'tipper' },
  { code: 'TP-02', name: 'Volvo FMX tipper', type: 'tipper' },
  { code: 'TP-03', name: 'Iveco Trakker tipper', type: 'tipper', status: 'out_of_service' },
  { code: 'LL-01', name: 'Nooteboom low-loader', type: 'lowloader' },
  { code: 'LL-02', name: 'Faymonville low-loader', type: 'lowloader' },
];

export const DEMO_DRIVERS: {
  name: string;
  phone: string;
  types: TDemoType[];
  subject?: string;
  offDuty?: boolean;
}[] = [
  {
    name: 'Sam Carter',
    phone: '+44 7700 900101',
    types: ['flatbed', 'lowloader'],
    subject: DEMO_SUBJECTS.driver,
  },
  { name: 'Priya Nair', phone: '+44 7700 900102', types: ['crane-50t'] },
  { name: 'Tomasz Nowak', phone: '+44 7700 900103', types: ['crane-50t', 'excavator'] },
  { name: 'Grace Okafor', phone: '+44 7700 900104', types: ['lowloader', 'flatbed'] },
  { name: 'Liam Walsh', phone: '+44 7700 900105', types: ['flatbed', 'tipper'] },
  { name: 'Aisha Rahman', phone: '+44 7700 900106', types: ['excavator'] },
  { name: 'Mateo Rossi', phone: '+44 7700 900107', types: ['excavator'], offDuty: true },
  { name: 'Hannah Berg', phone: '+44 7700 900108', types: ['flatbed', 'tipper'] },
  { name: 'Kofi Mensah', phone: '+44 7700 900109', types: ['tipper'] },
  { name: 'Chloe Martin', phone: '+44 7700 900110', types: ['flatbed'] },
];

export const DEMO_SITES = [
  '14 Quayside, Newcastle NE1 3DE',
  'Unit 7, Trafford Park, Manchester M17 1RN',
  'Port of Tilbury, Berth 34, RM18 7EH',
  '22 Canal Street, Birmingham B1 2JB',
  'Riverside Works, Leeds LS10 1AB',
  'Avonmouth Docks, Bristol BS11 9DW',
  'Hinkley Point access road, TA5 1UD',
  '3 Station Approach, Sheffield S1 2BP',
];

export const DEMO_JOBS: { title: string; type: TDemoType }[] = [
  { title: 'Deliver steel beams to site', type: 'flatbed' },
  { title: 'Lift HVAC units onto roof', type: 'crane-50t' },
  { title: 'Dig foundation trench', type: 'excavator' },
  { title: 'Remove spoil heap', type: 'tipper' },
  { title: 'Move 20t generator', type: 'lowloader' },
  { title: 'Collect scaffolding', type: 'flatbed' },
  { title: 'Set precast stair cores', type: 'crane-50t' },
  { title: 'Drainage run excavation', type: 'excavator' },
  { title: 'Aggregate delivery, 18t', type: 'tipper' },
  { title: 'Transport excavator to depot', type: 'lowloader' },
];
