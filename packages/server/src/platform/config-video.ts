import { z } from 'zod';
import { videoGatewaysConfigSchema } from '@anjian/domain';

const jsonOrNull = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * VIDEO_GATEWAYS: a JSON list of the video gateways (docs/video.md), e.g.
 * `[{"id":"wvp","name":"市视频平台","kind":"wvp","baseUrl":"http://wvp:18080","username":"admin","password":"…"}]`.
 */
export const videoGatewaysVariable = z.string().transform((text, ctx) => {
  const parsed = videoGatewaysConfigSchema.safeParse(jsonOrNull(text || '[]'));
  if (parsed.success) return parsed.data;
  ctx.addIssue({
    code: 'custom',
    message: `must be a JSON list of video gateways (${parsed.error.message})`,
  });
  return z.NEVER;
});
