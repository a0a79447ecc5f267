export * from './whistle.schema.ts';
export * from './whistle-reward-rules.ts';
export * from './whistle-workflow.ts';
export * from './whistle-escalation.ts';
export * from './whistle-duplicates.ts';
export * from './whistle-objection.ts';
export * from './whistle-pin.ts';
export * from './whistle-sms.schema.ts';
