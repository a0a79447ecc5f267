import { cameraStatusNames, type Camera } from '@anjian/domain';
import { countyNameZh } from '../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../platform/office/index.ts';

/** The camera register as the bureau prints it. */
export const cameraExportColumns: ExportColumn<Camera>[] = [
  { header: '摄像机编号', width: 24, value: (c) => c.code },
  { header: '名称', width: 24, value: (c) => c.name },
  { header: '企业或责任单位', width: 30, value: (c) => c.enterpriseName ?? c.responsibleUnit ?? '' },
  { header: '区县', width: 10, value: (c) => countyNameZh(c.county) },
  { header: '监管对象', width: 24, value: (c) => c.objectName ?? '' },
  { header: '监测点', width: 20, value: (c) => c.monitoringPointName ?? '' },
  { header: '路段', width: 16, value: (c) => c.roadSection ?? '' },
  { header: '经度', width: 12, value: (c) => c.location.lon.toFixed(6) },
  { header: '纬度', width: 12, value: (c) => c.location.lat.toFixed(6) },
  { header: '朝向（度）', width: 10, value: (c) => (c.direction === null ? '' : String(c.direction)) },
  { header: '视频网关', width: 18, value: (c) => c.gatewayName },
  { header: '在线状态', width: 10, value: (c) => cameraStatusNames[c.status].zh },
  { header: '最近检测', width: 20, value: (c) => cell.dateTime(c.checkedAt) },
  { header: '演示', width: 6, value: (c) => cell.demo(c.demo) },
];
