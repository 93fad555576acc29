/** The browser's id generator for edit actions: AWS-like 17 hex digits from crypto (the engine never draws random numbers itself). */
import type { IdGenerator } from '../engine/edit/index.ts';

export const browserIds: IdGenerator = {
  next(prefix: string) {
    const bytes = crypto.getRandomValues(new Uint8Array(9));
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 17);
    return `${prefix}-${hex}`;
  },
};
