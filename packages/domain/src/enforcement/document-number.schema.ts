import { z } from 'zod';
import { enforcementDocumentTypeCodes } from './document-types.ts';

/** Body of `POST /api/v1/enforcement/documents/numbers`: issue the next number of a sequence. */
export const documentNumberRequestSchema = z
  .object({
    divisionCode: z
      .string()
      .regex(/^5304\d{2}$/, 'a Yuxi division code')
      .describe('Division of the issuing 应急管理局: 530400 city, or a county code'),
    documentType: z
      .enum(enforcementDocumentTypeCodes)
      .describe(
        'inspection_record 现场检查记录, rectification_order 责令限期整改指令书, rectification_review 整改复查意见书, ' +
          'penalty_notice 行政处罚告知书, penalty_decision 行政处罚决定书',
      ),
  })
  .strict();

export const documentNumberSchema = z
  .string()
  .trim()
  .regex(/^\S+〔\d{4}〕[1-9]\d*号$/u, 'a document number such as 玉应急罚〔2026〕12号')
  .describe('Document number (文书编号), e.g. 玉应急罚〔2026〕12号');
