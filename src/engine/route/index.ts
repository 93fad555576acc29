export * from './lpm.ts';
