import { describe, expect, it } from 'vitest';
import { allowedHostHeaders, machineHostNames } from './access-guard.js';

describe('the Host headers the dashboard answers', () => {
  it('accepts the loopback names on loopback and nothing else', () => {
    const hosts = allowedHostHeaders('127.0.0.1', 9194);
    expect(hosts.has('127.0.0.1:9194')).toBe(true);
    expect(hosts.has('localhost:9194')).toBe(true);
    expect(hosts.has('[::1]:9194')).toBe(true);
    expect(hosts.has('localhost:9195')).toBe(false);
    expect(hosts.has('attacker.example:9194')).toBe(false);
  });

  it('accepts only the named address when listening on one', () => {
    const hosts = allowedHostHeaders('10.1.2.3', 9194);
    expect([...hosts]).toEqual(['10.1.2.3:9194']);
  });

  it("accepts the machine's own names when listening on every address", () => {
    const hosts = allowedHostHeaders('0.0.0.0', 9194);
    for (const name of machineHostNames()) {
      const shown = name.includes(':') ? `[${name}]` : name;
      expect(hosts.has(`${shown.toLowerCase()}:9194`)).toBe(true);
    }
    expect(hosts.has('attacker.example:9194')).toBe(false);
  });
});
