import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '@anjian/domain';
import { allowedLatinWordsIn, disallowedLatinWords } from './latin-words.ts';
import { zhCN } from './zh-cn.ts';

function leaves(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  }
  return out;
}

/** Every zh message file of a feature, whether or not zh-cn.ts imports it yet. */
const featureBundles = import.meta.glob<Record<string, unknown>>('../features/*/i18n.ts', { eager: true });

function offenders(messages: readonly [string, string][]): string[] {
  return messages.flatMap(([path, text]) => {
    const words = disallowedLatinWords(text, allowedLatinWordsIn[path] ?? []);
    return words.length ? [`${path}: ${words.join(', ')} — ${text}`] : [];
  });
}

describe('the Chinese UI shows no English', () => {
  it('finds no Latin word outside the allow-list in the zh-CN message bundle', () => {
    expect(offenders(leaves(zhCN, '', []))).toEqual([]);
  });

  it("finds none in any feature's zh messages", () => {
    const messages = Object.entries(featureBundles).flatMap(([file, module]) =>
      Object.entries(module)
        .filter(([name]) => name.endsWith('Zh'))
        .flatMap(([name, bundle]) => leaves(bundle, `${file}#${name}`, [])),
    );
    expect(messages.length).toBeGreaterThan(100);
    const relative = messages.map(([path, text]): [string, string] => {
      // allowedLatinWordsIn is keyed like zh-cn.ts paths: features/monitoring/i18n.ts#monitoringZh.x → monitoring.x
      const [file, rest] = path.split('#');
      const area = rest!.split('.')[0]!.replace(/Zh$/, '');
      const feature = area.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      return [file!.includes(`/${feature}/`) ? rest!.replace(/^\w+Zh/, area) : path, text];
    });
    expect(offenders(relative)).toEqual([]);
  });

  it("finds none in the domain error catalogue's zh messages", () => {
    const messages = Object.entries(errorCatalogue).map(([code, d]): [string, string] => [
      `error:${code}`,
      d.zh,
    ]);
    expect(offenders(messages)).toEqual([]);
  });

  it('catches English where it must not be, and lets units and codes through', () => {
    expect(disallowedLatinWords('取值不正确：Not a valid unified social credit code')).toEqual([
      'Not',
      'valid',
      'unified',
      'social',
      'credit',
      'code',
    ]);
    expect(disallowedLatinWords('Zoom in')).toEqual(['Zoom', 'in']);
    expect(
      disallowedLatinWords(
        'GB 18218-2018 临界量 50 t，LEC 评价，SM4 加密，导出 Excel，WGS-84，C2614，AEGL-3，10 kW/m²，检查项 GEN-01，证号 DEMO1',
      ),
    ).toEqual([]);
  });

  it('reads a whistle query code and a reporter pseudonym as codes, not English words', () => {
    expect(disallowedLatinWords('查询码 DKDA-SJ44-E8Q7，2ZHE-GSA1-YMBP；实名举报人 KQZP')).toEqual([]);
    // Only the exact shapes pass: a word after 举报人, or a code with a group too long, is still English.
    expect(disallowedLatinWords('实名举报人 HELLO，查询码 ABCDE-FGHJ-KMNP')).toEqual([
      'HELLO',
      'ABCDE-FGHJ-KMNP',
    ]);
  });
});
