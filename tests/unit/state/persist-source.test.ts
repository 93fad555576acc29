import { describe, expect, it } from 'vitest';
import { parseDocSource } from '../../../src/state/persist.ts';

describe('the autosaved document source', () => {
  it('reads back every kind the picker names', () => {
    for (const s of [{ kind: 'sample', id: 'seed' }, { kind: 'import', name: '8 files' }, { kind: 'lab', title: 'VPC peering and flow logs' }, { kind: 'share' }, { kind: 'other', label: 'Imported' }, { kind: 'autosave' }]) {
      expect(parseDocSource(JSON.stringify(s))).toEqual(s);
    }
  });
  it('gives null for a missing, corrupt or foreign value (the caller falls back to "autosave")', () => {
    for (const t of [null, '', '{', '42', 'null', '{"kind":"lab"}', '{"kind":"none"}', '{"kind":"sample","id":7}', `{"kind":"lab","title":"${'x'.repeat(600)}"}`]) expect(parseDocSource(t), String(t)).toBeNull();
  });
  it('keeps only the known fields', () => {
    expect(parseDocSource('{"kind":"lab","title":"T","extra":"<script>"}')).toEqual({ kind: 'lab', title: 'T' });
  });
});
