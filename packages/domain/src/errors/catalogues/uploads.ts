import type { ErrorDefinition } from '../error-definition.ts';

/** Photo uploads (issue 19, defect 3). upload.not_an_image and upload.not_found are in registry.ts. */
export const uploadsErrors = {
  'upload.too_many_pixels': {
    status: 413,
    zh: '照片像素过多（可能是解压炸弹），请缩小后再上传',
    en: 'The photo has too many pixels (a possible decompression bomb); scale it down first',
  },
  'upload.polyglot': {
    status: 400,
    zh: '文件同时含有其他格式的内容（如压缩包、网页、PDF 或脚本），已拒收',
    en: 'The file is also another format (an archive, web page, PDF or script) and was refused',
  },
} as const satisfies Record<string, ErrorDefinition>;
