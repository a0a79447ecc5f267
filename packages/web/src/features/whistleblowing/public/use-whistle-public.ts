import { reactive } from 'vue';
import type { CaptchaResponse, WhistleObjectionView } from '@anjian/domain';
import { api, ApiError } from '../../../lib/api.ts';
import type { Basemap, BoundaryFeature } from '../../../lib/yuxi-map.ts';
import type { Pin, PinExtent } from '../lib/pin-map.ts';

const BASE = '/public/whistleblowing';
const DEVICE_KEY = 'anjian.whistle.device';
const CAPTCHA_CODES = new Set(['whistle.captcha_required', 'whistle.captcha_invalid']);

/** A random id this phone keeps for abuse control (the server stores only its SM3 hash). */
export function deviceId(): string {
  let id: string | null = null;
  try {
    id = localStorage.getItem(DEVICE_KEY);
  } catch {
    // Private browsing without storage: a fresh id per page.
  }
  if (id && /^[A-Za-z0-9_-]{16,64}$/.test(id)) return id;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  try {
    localStorage.setItem(DEVICE_KEY, id);
  } catch {
    // Kept for this page only.
  }
  return id;
}

export interface WhistleReceipt {
  queryCode: string;
  secret: string;
}

export interface WhistlePublicView {
  queryCode: string;
  category: 'major_hazard' | 'illegal_operation' | 'concealed_accident';
  status: 'received' | 'accepted' | 'not_accepted' | 'transferred' | 'verified' | 'replied';
  receivedOn: string;
  outcome: 'true' | 'partly_true' | 'untrue' | null;
  messages: { from: 'reporter' | 'bureau'; on: string; body: string; photoIds: string[] }[];
  reward: {
    status: 'proposed' | 'approved_once' | 'approved' | 'paid';
    amountYuan: string;
    paidOn: string | null;
  } | null;
  /** The objection window and, once made, the objection and its review. */
  objection: Omit<WhistleObjectionView, 'reopenedTo'>;
}

export interface EnterpriseSuggestion {
  id: string;
  name: string;
  creditCode: string;
  county: string;
}

/**
 * The captcha the server asks for after too many attempts: `send` posts the body with the answer
 * when a picture is showing; a captcha answer from the server fetches a (new) picture and rethrows
 * so the page shows the server's message beside it.
 */
export function usePublicCaptcha() {
  const captcha = reactive({ id: '', image: '', answer: '' });

  async function refresh(): Promise<void> {
    const issued = await api.post<CaptchaResponse>(`${BASE}/captcha`);
    captcha.id = issued.id;
    captcha.image = issued.image;
    captcha.answer = '';
  }

  async function send<T>(path: string, body: Record<string, unknown>): Promise<T> {
    const withCaptcha = captcha.id
      ? { ...body, captchaId: captcha.id, captchaAnswer: captcha.answer.trim() }
      : body;
    try {
      const answer = await api.post<T>(`${BASE}${path}`, withCaptcha);
      captcha.id = '';
      captcha.image = '';
      captcha.answer = '';
      return answer;
    } catch (error) {
      if (error instanceof ApiError && CAPTCHA_CODES.has(error.code)) await refresh();
      throw error;
    }
  }

  return { captcha, refresh, send };
}

export const uploadPublicPhoto = (file: File) =>
  api.upload<{ id: string }>(`${BASE}/photos`, file, file.type || 'application/octet-stream', {
    deviceId: deviceId(),
  });

/** The videos a phone records (Android MP4, iPhone MOV); the server rewrites them without metadata. */
export const PUBLIC_VIDEO_TYPES = ['video/mp4', 'video/quicktime'] as const;
export const isVideoFile = (file: File) => file.type.startsWith('video/');

/** A photo or a video of the report form, each to its own upload. */
export const uploadPublicMedia = (file: File) =>
  isVideoFile(file)
    ? api.upload<{ id: string }>(`${BASE}/videos`, file, file.type, { deviceId: deviceId() })
    : uploadPublicPhoto(file);

/** Whether a real-name report needs an SMS code here (the server has an SMS gateway). */
export const loadSmsSettings = () =>
  api.get<{ codeRequired: boolean; resendAfterSeconds: number }>(`${BASE}/sms-codes`);

export const suggestEnterprises = (q: string) =>
  api.get<EnterpriseSuggestion[]>(`${BASE}/enterprises`, { q });

/** What the page's map may load without signing in (GET /public/whistleblowing/map). */
export interface PublicMapSetup {
  basemap: Basemap | null;
  extent: PinExtent;
  boundaries: BoundaryFeature[];
}

export async function loadPublicMap(): Promise<PublicMapSetup> {
  const answer = await api.get<{
    basemap: Basemap | null;
    extent: PinExtent;
    boundaries: {
      features: {
        type: 'Feature';
        properties: { code: string; nameZh: string; nameEn: string | null };
        geometry: BoundaryFeature['geometry'];
      }[];
    };
  }>(`${BASE}/map`);
  return {
    basemap: answer.basemap,
    extent: answer.extent,
    // The real county boundaries (not schematic); the shape the shared map helpers draw.
    boundaries: answer.boundaries.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, schematic: false, source: '' },
    })),
  };
}

/** The pin's county and the operating enterprises registered near it, nearest first. */
export interface PinPlace {
  county: string;
  enterprises: { id: string; name: string; county: string; distanceM: number }[];
}

export const placeOfPin = (pin: Pin) =>
  api.get<PinPlace>(`${BASE}/place`, { lon: pin.lon, lat: pin.lat, deviceId: deviceId() });
