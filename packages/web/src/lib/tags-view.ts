/** One open page in the tags view: its full path and the i18n key of its title. */
export interface OpenTag {
  path: string;
  name: string;
  title: string;
}

const KEY = 'anjian.tags';
/** More open tabs than this push out the oldest. */
export const MAX_TAGS = 20;

export function readTags(storage: Pick<Storage, 'getItem'> = sessionStorage): OpenTag[] {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (t): t is OpenTag =>
        typeof t === 'object' && t !== null && typeof t.path === 'string' && typeof t.title === 'string',
    );
  } catch {
    return [];
  }
}

export function writeTags(tags: OpenTag[], storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify(tags));
  } catch {
    // Storage disabled: the tabs last for this page view only.
  }
}

/** The page opened: added at the end, or, for the same route with other query, replaced in place. */
export function addTag(tags: OpenTag[], tag: OpenTag): OpenTag[] {
  if (tags.some((t) => t.path === tag.path)) return tags;
  const same = tags.findIndex(
    (t) => t.name !== '' && t.name === tag.name && t.path.split('?')[0] === tag.path.split('?')[0],
  );
  if (same >= 0) return tags.map((t, i) => (i === same ? tag : t));
  return [...tags, tag].slice(-MAX_TAGS);
}

export function removeTag(tags: OpenTag[], path: string): OpenTag[] {
  return tags.filter((t) => t.path !== path);
}
