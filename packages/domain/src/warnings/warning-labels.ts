import type { WarningStatus } from './warning-lifecycle.ts';

/** The stages of a public warning, as the ledger and the pages name them. */
export const warningStatusNames: Readonly<
  Record<WarningStatus, { readonly zh: string; readonly en: string }>
> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting approval' },
  rejected: { zh: '已退回', en: 'Rejected' },
  approved: { zh: '已审核', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
  cancelled: { zh: '已解除', en: 'Cancelled' },
  expired: { zh: '已过期', en: 'Expired' },
};
