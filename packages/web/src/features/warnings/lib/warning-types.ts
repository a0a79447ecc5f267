export type WarningLevel = 'blue' | 'yellow' | 'orange' | 'red';
export interface GeoPoint {
  lat: number;
  lon: number;
}
export interface WarningArea {
  counties: string[];
  townships: string[];
  polygon: GeoPoint[] | null;
  circle: { center: GeoPoint; radiusKm: number } | null;
}
export interface InfoBlock {
  headline: string;
  description: string;
  instruction: string;
}
export interface WarningInput {
  eventType: string;
  level: WarningLevel;
  onset: string;
  expires: string;
  audience: string;
  contact: string;
  area: WarningArea;
  recipientGroups?: string[];
  info: { zh: InfoBlock; en: InfoBlock | null };
}
export interface WarningRecord extends WarningInput {
  id: string;
  status: string;
  authorName: string;
  approverName: string | null;
  lastComment: string | null;
  releasedVersions: number;
  demo: boolean;
  source: { kind: 'alarm' | 'incident' | 'import'; id: string; label: string } | null;
  allowedActions: string[];
  createdAt: string;
  updatedAt: string;
}
export interface WarningDetail extends WarningRecord {
  steps: { at: string; action: string; actorName: string; comment: string }[];
  versions: {
    version: number;
    identifier: string;
    msgType: string;
    sent: string;
    sm3: string;
    capUrl: string;
  }[];
  deliveries: { channel: string; pending: number; delivered: number; failed: number }[];
  attachments: WarningAttachment[];
}
export interface WarningAttachment {
  id: string;
  description: { zh: string; en: string };
  mimeType: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  sha1: string;
  releasedIn: number | null;
  createdAt: string;
}
export interface PublicWarning {
  id: string;
  identifier: string;
  msgType: string;
  eventType: string;
  level: WarningLevel;
  sent: string;
  onset: string;
  expires: string;
  area: WarningArea;
  info: { zh: InfoBlock; en: InfoBlock | null };
  capUrl: string;
  demo: boolean;
}

export const levelColours: Record<WarningLevel, string> = {
  blue: '#1e32cd',
  yellow: '#efc100',
  orange: '#f08c00',
  red: '#d81e06',
};
