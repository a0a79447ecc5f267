import type { EnterpriseProfileSection } from '@anjian/domain';

/** A row of some list as the API answers it; columns read their fields by name. */
export type FileRow = Record<string, unknown>;

export interface FileColumn {
  /** i18n key of the header. */
  header: string;
  /** What the cell shows: a field, a date, or a label looked up by the field's code. */
  field: string;
  as?: 'text' | 'date' | 'dateTime' | 'label';
  /** For `label`: the i18n key prefix the code is appended to (e.g. `dualPrevention.status.`). */
  labels?: string;
}

export interface FileSection {
  key: Exclude<EnterpriseProfileSection, 'licences' | 'history'>;
  /** The list endpoint (relative to /api/v1) filtered by the enterprise, and the key of its items. */
  path: string;
  query?: Record<string, string | number>;
  columns: FileColumn[];
  /** The page behind the tab, for "open the full list". */
  listPath: string;
}

/**
 * 一企一档: each tab of the enterprise's file, read from its module's own list endpoint with
 * `enterpriseId`. Cells show names, labels and dates — never ids or raw codes.
 */
export const enterpriseFileSections: readonly FileSection[] = [
  {
    key: 'riskUnits',
    path: '/risk/units',
    listPath: '/risk/register',
    columns: [
      { header: 'enterpriseFile.col.name', field: 'name' },
      { header: 'enterpriseFile.col.kind', field: 'kind', as: 'label', labels: 'dualPrevention.risk.kind.' },
      {
        header: 'enterpriseFile.col.level',
        field: 'level',
        as: 'label',
        labels: 'dualPrevention.risk.levelName.l',
      },
    ],
  },
  {
    key: 'hazards',
    path: '/hazards',
    query: { pageSize: 100 },
    listPath: '/hazards',
    columns: [
      { header: 'enterpriseFile.col.description', field: 'description' },
      { header: 'enterpriseFile.col.level', field: 'level', as: 'label', labels: 'dualPrevention.level.' },
      { header: 'enterpriseFile.col.status', field: 'status', as: 'label', labels: 'dualPrevention.status.' },
      { header: 'enterpriseFile.col.reportedAt', field: 'reportedAt', as: 'dateTime' },
      { header: 'enterpriseFile.col.deadline', field: 'deadline', as: 'date' },
    ],
  },
  {
    key: 'checkTasks',
    path: '/checks/tasks',
    listPath: '/m/tasks',
    columns: [
      { header: 'enterpriseFile.col.checkList', field: 'listName' },
      { header: 'enterpriseFile.col.dueDate', field: 'dueDate', as: 'date' },
      {
        header: 'enterpriseFile.col.status',
        field: 'status',
        as: 'label',
        labels: 'enterpriseFile.taskStatus.',
      },
    ],
  },
  {
    key: 'inspections',
    path: '/enforcement/inspections',
    listPath: '/enforcement/plans',
    columns: [
      {
        header: 'enterpriseFile.col.kind',
        field: 'kind',
        as: 'label',
        labels: 'enforcement.inspectionKinds.',
      },
      { header: 'enterpriseFile.col.status', field: 'status', as: 'label', labels: 'enforcement.statuses.' },
      { header: 'enterpriseFile.col.plannedDate', field: 'plannedDate', as: 'date' },
    ],
  },
  {
    key: 'documents',
    path: '/enforcement/documents',
    listPath: '/enforcement/documents',
    columns: [
      { header: 'enterpriseFile.col.documentNumber', field: 'number' },
      { header: 'enterpriseFile.col.issuedAt', field: 'issuedAt', as: 'dateTime' },
    ],
  },
  {
    key: 'cases',
    path: '/enforcement/cases',
    listPath: '/enforcement/cases',
    columns: [
      { header: 'enterpriseFile.col.summary', field: 'summary' },
      { header: 'enterpriseFile.col.createdAt', field: 'createdAt', as: 'dateTime' },
    ],
  },
  {
    key: 'creditListings',
    path: '/enforcement/credit/listings',
    listPath: '/enforcement/credit',
    columns: [
      { header: 'enterpriseFile.col.summary', field: 'summary' },
      { header: 'enterpriseFile.col.listedOn', field: 'listedOn', as: 'date' },
    ],
  },
  {
    key: 'monitoringPoints',
    path: '/monitoring/points',
    listPath: '/monitoring/points',
    columns: [
      { header: 'enterpriseFile.col.name', field: 'name' },
      { header: 'enterpriseFile.col.unit', field: 'unit' },
    ],
  },
  {
    key: 'alarms',
    path: '/monitoring/alarms',
    listPath: '/monitoring/alarms',
    columns: [
      { header: 'enterpriseFile.col.point', field: 'pointName' },
      { header: 'enterpriseFile.col.raisedAt', field: 'raisedAt', as: 'dateTime' },
      {
        header: 'enterpriseFile.col.status',
        field: 'status',
        as: 'label',
        labels: 'enterpriseFile.alarmStatus.',
      },
    ],
  },
  {
    key: 'majorHazardUnits',
    path: '/major-hazards/units',
    listPath: '/monitoring/major-hazards',
    columns: [
      { header: 'enterpriseFile.col.name', field: 'name' },
      { header: 'enterpriseFile.col.locationText', field: 'locationText' },
    ],
  },
  {
    key: 'incidents',
    path: '/incidents',
    listPath: '/emergency/incidents',
    columns: [
      { header: 'enterpriseFile.col.occurredAt', field: 'occurredAt', as: 'dateTime' },
      { header: 'enterpriseFile.col.location', field: 'location' },
      {
        header: 'enterpriseFile.col.status',
        field: 'status',
        as: 'label',
        labels: 'enterpriseFile.incidentStatus.',
      },
    ],
  },
  {
    // 举报核查 (issue 16): verified 属实 / 部分属实 only; no reporter, no query code, no text.
    key: 'whistleReports',
    path: '/whistleblowing/verified',
    listPath: '/whistleblowing',
    columns: [
      { header: 'enterpriseFile.col.verifiedOn', field: 'verifiedOn', as: 'date' },
      {
        header: 'enterpriseFile.col.category',
        field: 'category',
        as: 'label',
        labels: 'whistleblowing.categories.',
      },
      {
        header: 'enterpriseFile.col.outcome',
        field: 'outcome',
        as: 'label',
        labels: 'whistleblowing.outcomes.',
      },
    ],
  },
];

/** The items of a list answer, paged ({ items, total }) or not ({ items }). */
export function itemsOf(answer: unknown): FileRow[] {
  const items = (answer as { items?: unknown })?.items;
  return Array.isArray(items) ? (items as FileRow[]) : [];
}
