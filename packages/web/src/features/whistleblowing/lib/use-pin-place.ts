import { ref, type Ref } from 'vue';
import { ApiError } from '../../../lib/api.ts';
import { translate } from '../../../i18n/index.ts';
import { placeOfPin, type PinPlace } from '../public/use-whistle-public.ts';
import type { Pin } from './pin-map.ts';

/**
 * A dropped pin and what the server says of it, shared by the public page's picker and the staff
 * entry form's: its county and the units registered near it; outside Yuxi the pin is taken back
 * with the server's reason (`whistle.pin_outside_city`).
 */
export function usePinPlace(pin: Ref<Pin | null>) {
  const place = ref<PinPlace | null>(null);
  const problem = ref('');

  async function choose(next: Pin): Promise<void> {
    problem.value = '';
    pin.value = next;
    try {
      place.value = await placeOfPin(next);
    } catch (e) {
      place.value = null;
      if (e instanceof ApiError && e.code === 'whistle.pin_outside_city') pin.value = null;
      problem.value = e instanceof ApiError ? e.message : translate('errors.unknown');
    }
  }

  function clear(): void {
    pin.value = null;
    place.value = null;
    problem.value = '';
  }

  return { place, problem, choose, clear };
}
