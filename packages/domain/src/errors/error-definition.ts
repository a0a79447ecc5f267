/** An error code's HTTP status and its message in both languages. */
export interface ErrorDefinition {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}
