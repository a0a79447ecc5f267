import type {
  AllocationMovement,
  AllocationOrder,
  AllocationStatus,
  LedgerMovementKind,
} from '@anjian/domain';
import { countyNameZh } from '../../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../../platform/office/index.ts';

export const allocationStatusZh: Record<AllocationStatus, string> = {
  requested: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  cancelled: '已撤销',
  issued: '已出库',
  in_transit: '运输中',
  received: '已接收',
  in_use: '使用中',
  closed: '已办结',
};

export const movementKindZh: Record<LedgerMovementKind, string> = {
  issue: '出库',
  requisition: '征用',
  receipt: '入库',
  return: '归还入库',
  consume: '消耗核销',
};

/** 物资调拨单 columns. */
export const allocationExportColumns: ExportColumn<AllocationOrder>[] = [
  { header: '调拨单号', width: 20, value: (o) => o.number },
  { header: '区县', width: 10, value: (o) => countyNameZh(o.county) },
  { header: '关联事件', width: 24, value: (o) => o.incidentName ?? '' },
  { header: '物资', width: 18, value: (o) => o.materialName },
  { header: '单位', width: 6, value: (o) => o.unit },
  { header: '申请数量', width: 10, value: (o) => o.quantity },
  { header: '出库数量', width: 10, value: (o) => o.issued },
  { header: '接收数量', width: 10, value: (o) => o.received },
  { header: '归还数量', width: 10, value: (o) => o.returned },
  { header: '消耗核销', width: 10, value: (o) => o.consumed },
  { header: '现场在用', width: 10, value: (o) => o.onHand },
  {
    header: '调往',
    width: 24,
    value: (o) =>
      o.destinationKind === 'warehouse'
        ? (o.destinationWarehouseName ?? '')
        : `现场 ${o.destination ?? ''}`.trim(),
  },
  { header: '状态', width: 10, value: (o) => allocationStatusZh[o.status] },
  { header: '申请时间', width: 20, value: (o) => cell.dateTime(o.createdAt) },
  { header: '数据', width: 8, value: (o) => cell.demo(o.demo) },
];

/** 物资调拨台账 columns. */
export const ledgerExportColumns: ExportColumn<AllocationMovement>[] = [
  { header: '时间', width: 20, value: (m) => cell.dateTime(m.at) },
  { header: '调拨单号', width: 20, value: (m) => m.orderNumber },
  { header: '关联事件', width: 24, value: (m) => m.incidentName ?? '' },
  { header: '类别', width: 10, value: (m) => movementKindZh[m.kind] },
  { header: '物资', width: 18, value: (m) => m.materialName },
  { header: '单位', width: 6, value: (m) => m.unit },
  { header: '物资库', width: 28, value: (m) => m.warehouseName ?? '' },
  { header: '征用企业', width: 28, value: (m) => m.enterpriseName ?? '' },
  { header: '批次有效期', width: 12, value: (m) => m.expiresOn ?? '' },
  { header: '数量', width: 10, value: (m) => m.quantity },
  { header: '结存', width: 10, value: (m) => m.balanceAfter ?? '' },
];
