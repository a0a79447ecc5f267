/**
 * 年度控制考核指标 (the province's yearly control numbers per county): use against the limit, with the
 * warnings at 80 % and 100 %. Integer arithmetic, so exactly 80 % warns (8 of 10 deaths).
 */
export type ControlLevel = 'normal' | 'warning' | 'reached';

export interface ControlNumberUse {
  readonly used: number;
  readonly limit: number;
  readonly remaining: number;
  /** used ÷ limit in percent, 1 decimal; null when the limit is 0. */
  readonly percent: number | null;
  readonly level: ControlLevel;
}

export function controlNumberUse(used: number, limit: number): ControlNumberUse {
  const level: ControlLevel = used >= limit ? 'reached' : used * 5 >= limit * 4 ? 'warning' : 'normal';
  return {
    used,
    limit,
    remaining: Math.max(0, limit - used),
    percent: limit > 0 ? Math.round((used * 1000) / limit) / 10 : null,
    level,
  };
}
