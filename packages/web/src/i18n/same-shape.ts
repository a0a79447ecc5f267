/** The English messages must have exactly the keys of the Chinese ones. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };
