export * from './protocol.ts';
export * from './packet.ts';
export * from './ports.ts';
export * from './security-group.ts';
export * from './network-acl.ts';
