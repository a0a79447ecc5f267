import type { ErrorDefinition } from '../error-definition.ts';

/**
 * Photo uploads (issue 19, defect 3) and the whistleblowing page's videos (issue 16).
 * upload.not_an_image and upload.not_found are in registry.ts.
 */
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
  'upload.not_a_video': {
    status: 400,
    zh: '只能上传手机拍摄的 MP4 或 MOV 格式视频',
    en: 'Only MP4 or MOV videos (as phones record them) can be uploaded',
  },
  'upload.video_too_long': {
    status: 413,
    zh: '视频过长，请剪短到规定时长以内再上传',
    en: 'The video is too long; trim it to the allowed length first',
  },
} as const satisfies Record<string, ErrorDefinition>;
