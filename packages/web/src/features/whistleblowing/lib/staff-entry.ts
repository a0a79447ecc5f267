import {
  defaultLabelOf,
  type RecordLabel,
  type WhistleCategory,
  type WhistleChannel,
  type WhistleStaffReport,
} from '@anjian/domain';
import type { Pin } from './pin-map.ts';

/** The staff entry form for a report received by 12350, letter, e-mail or visit. */
export interface StaffEntryForm {
  channel: Exclude<WhistleChannel, 'online'>;
  receivedOn: string;
  category: WhistleCategory;
  description: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  address: string;
  occurredOn: string;
  pin: Pin | null;
  /** Photos a letter or visit brought, uploaded through the public page's pipeline. */
  photoIds: string[];
  anonymous: boolean;
  name: string;
  idNumber: string;
  phone: string;
  bankAccount: string;
  /** 密级: 敏感 as every report, or another within the officer's clearance. */
  securityLabel: RecordLabel;
}

export function blankStaffEntry(today: string): StaffEntryForm {
  return {
    channel: 'phone_12350',
    receivedOn: today,
    category: 'major_hazard',
    description: '',
    enterpriseId: '',
    enterpriseName: '',
    county: '',
    address: '',
    occurredOn: '',
    pin: null,
    photoIds: [],
    anonymous: true,
    name: '',
    idNumber: '',
    phone: '',
    bankAccount: '',
    securityLabel: defaultLabelOf.whistle_report,
  };
}

const filled = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * The request body: empty fields left out (the server refuses an empty string where it wants a
 * value), the pin as lon and lat together, the identity only for a real-name report.
 */
export function staffEntryBody(form: StaffEntryForm): WhistleStaffReport {
  const optional = {
    enterpriseId: filled(form.enterpriseId),
    enterpriseName: filled(form.enterpriseName),
    county: filled(form.county),
    address: filled(form.address),
    occurredOn: filled(form.occurredOn),
    ...(form.pin ? { lon: form.pin.lon, lat: form.pin.lat } : {}),
    ...(form.anonymous
      ? {}
      : {
          identity: {
            name: form.name.trim(),
            idNumber: form.idNumber.trim(),
            phone: form.phone.trim(),
            bankAccount: filled(form.bankAccount),
          },
        }),
  };
  return {
    channel: form.channel,
    receivedOn: form.receivedOn,
    category: form.category,
    description: form.description.trim(),
    photoIds: [...form.photoIds],
    anonymous: form.anonymous,
    securityLabel: form.securityLabel,
    ...(Object.fromEntries(
      Object.entries(optional).filter(([, value]) => value !== undefined),
    ) as Partial<WhistleStaffReport>),
  } as WhistleStaffReport;
}
