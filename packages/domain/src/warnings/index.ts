export * from './warning-catalogue.ts';
export * from './warning-area.ts';
export * from './warning-lifecycle.ts';
export * from './warning.schema.ts';
export * from './cap-message.ts';
export * from './warning-labels.ts';
