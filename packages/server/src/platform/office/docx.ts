import {
  AlignmentType,
  Packer,
  Paragraph,
  ShadingType,
  TableCell,
  TextRun,
  WidthType,
  type Document,
} from 'docx';
import type { RiskColour } from '@anjian/domain';

/**
 * What every printable DOCX shares. The bureau's Word lays the text out with its own 宋体
 * (SimSun cannot be shipped); sizes are in half-points (21 = 五号 10.5 pt, 24 = 小四 12 pt).
 */
export const DOCX_FONT = 'SimSun';

/** The four-colour convention (红 橙 黄 蓝) as table shading. */
export const RISK_COLOUR_SHADES: Readonly<Record<RiskColour, string>> = {
  red: 'FF0000',
  orange: 'FFA500',
  yellow: 'FFFF00',
  blue: '1E90FF',
};

export interface TextOptions {
  bold?: boolean;
  size?: number;
}

/** A run of text in the document font. */
export function docxText(value: string, options: TextOptions = {}, defaultSize = 21): TextRun {
  return new TextRun({
    text: value,
    font: DOCX_FONT,
    bold: options.bold ?? false,
    size: options.size ?? defaultSize,
  });
}

/** A paragraph of one run, centred when asked. */
export function docxParagraph(
  value: string,
  options: TextOptions & { center?: boolean } = {},
  defaultSize = 21,
): Paragraph {
  return new Paragraph({
    ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
    children: [docxText(value, options, defaultSize)],
  });
}

/** A table cell; each line of `value` is a paragraph. */
export function docxCell(
  value: string,
  options: { bold?: boolean; shade?: string; widthPercent?: number; size?: number } = {},
): TableCell {
  return new TableCell({
    children: value
      .split('\n')
      .map((line) =>
        docxParagraph(line, { bold: options.bold ?? false, ...(options.size ? { size: options.size } : {}) }),
      ),
    ...(options.shade
      ? { shading: { type: ShadingType.SOLID, color: options.shade, fill: options.shade } }
      : {}),
    ...(options.widthPercent ? { width: { size: options.widthPercent, type: WidthType.PERCENTAGE } } : {}),
  });
}

/** The document as the buffer a route sends. */
export async function docxBuffer(doc: Document): Promise<Buffer> {
  return Buffer.from(await Packer.toBuffer(doc));
}
