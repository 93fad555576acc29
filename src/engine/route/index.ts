export * from './lpm.ts';
export { routeDestinationName, routeDestinationText } from './describe.ts';
