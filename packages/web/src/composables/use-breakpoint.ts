import { onBeforeUnmount, ref } from 'vue';

const PHONE_QUERY = '(max-width: 767px)';

/** Whether the screen is phone-sized: the menu becomes a drawer and tables shrink. */
export function useBreakpoint() {
  const media = window.matchMedia(PHONE_QUERY);
  const isPhone = ref(media.matches);
  const update = (event: MediaQueryListEvent) => {
    isPhone.value = event.matches;
  };
  media.addEventListener('change', update);
  onBeforeUnmount(() => media.removeEventListener('change', update));
  return { isPhone };
}
