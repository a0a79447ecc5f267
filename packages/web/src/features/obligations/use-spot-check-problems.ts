import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { api } from '../../lib/api.ts';

export interface SpotCheckProblem {
  code: string;
  zh: string;
  en: string;
  minor: { kind: string; points: number };
  serious: { kind: string; points: number };
  unverified: boolean;
}

let cached: Promise<SpotCheckProblem[]> | null = null;

/** The bureau's problem types for spot checks (configured on the server), named in the UI language. */
export function useSpotCheckProblems() {
  const { locale } = useI18n();
  const problems = ref<SpotCheckProblem[]>([]);
  cached ??= api.get<SpotCheckProblem[]>('/obligations/spot-check-problems').catch((error: unknown) => {
    cached = null;
    throw error;
  });
  void cached.then((list) => (problems.value = list)).catch(() => undefined);
  const nameOf = (p: SpotCheckProblem) => (locale.value === 'en' ? p.en : p.zh);
  const problemName = (code: string) => {
    const found = problems.value.find((p) => p.code === code);
    return found ? nameOf(found) : '';
  };
  return { problems, nameOf, problemName };
}

/** Tests: forget the list read before. */
export function forgetSpotCheckProblems() {
  cached = null;
}
