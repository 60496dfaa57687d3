import { describe, expect, it } from 'vitest';
import type { HttpSession } from '../src/http-session.js';
import { SessionRegistry } from '../src/session-registry.js';

const fake = (id: string, lastActivity: number, busy = false) => {
  const s = { id, lastActivity, busy, terminated: 0, terminate: async () => {} };
  s.terminate = async () => {
    s.terminated++;
  };
  return s;
};

describe('SessionRegistry', () => {
  it('caps sessions and sweeps only idle, non-busy ones', async () => {
    const registry = new SessionRegistry(2, 1000);
    const idle = fake('a', 0);
    const busy = fake('b', 0, true);
    registry.add(idle as unknown as HttpSession);
    registry.add(busy as unknown as HttpSession);
    expect([registry.size, registry.full]).toEqual([2, true]);
    registry.sweep(999);
    expect(idle.terminated).toBe(0);
    registry.sweep(1000);
    expect([idle.terminated, busy.terminated]).toEqual([1, 0]);
    registry.remove(idle as unknown as HttpSession);
    expect([registry.size, registry.get('b') === (busy as unknown as HttpSession)]).toEqual([
      1,
      true,
    ]);
    await registry.closeAll();
    expect([busy.terminated, registry.size]).toEqual([1, 0]);
  });
});
