/** Only same-site paths are followed after sign-in: `//host` and `/\host` would leave the site. */
export function safeRedirect(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : null;
}
