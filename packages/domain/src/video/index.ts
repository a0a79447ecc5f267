export * from './video.schema.ts';
export * from './online-rate.ts';
