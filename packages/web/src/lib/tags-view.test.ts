import { describe, expect, it } from 'vitest';
import { addTag, MAX_TAGS, readTags, removeTag, writeTags, type OpenTag } from './tags-view.ts';

const tag = (path: string, name = path): OpenTag => ({ path, name, title: `menu.${name}` });

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('tags view', () => {
  it('adds a page once, at the end, and replaces a page of the same route with another query', () => {
    let tags = addTag([], tag('/hazards', 'hazards'));
    tags = addTag(tags, tag('/users', 'users'));
    tags = addTag(tags, tag('/hazards', 'hazards'));
    expect(tags.map((t) => t.path)).toEqual(['/hazards', '/users']);
    tags = addTag(tags, tag('/hazards?county=530402', 'hazards'));
    expect(tags.map((t) => t.path)).toEqual(['/hazards?county=530402', '/users']);
  });

  it('keeps at most MAX_TAGS, dropping the oldest', () => {
    let tags: OpenTag[] = [];
    for (let i = 0; i < MAX_TAGS + 3; i += 1) tags = addTag(tags, tag(`/p${i}`));
    expect(tags).toHaveLength(MAX_TAGS);
    expect(tags[0]!.path).toBe('/p3');
  });

  it('closes a tag and survives a reload through storage; bad stored data reads as none', () => {
    const storage = memoryStorage();
    writeTags(removeTag([tag('/a'), tag('/b')], '/a'), storage);
    expect(readTags(storage).map((t) => t.path)).toEqual(['/b']);
    storage.setItem('anjian.tags', '{not json');
    expect(readTags(storage)).toEqual([]);
  });
});
