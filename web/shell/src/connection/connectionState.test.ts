import { describe, expect, it } from 'vitest';
import { connectionProblem, createConnectionStore } from './connectionState.ts';

describe('connectionProblem', () => {
  it('is quiet while the first connection is being made', () => {
    expect(connectionProblem({ online: true, socket: 'connecting', wasOpen: false, apiUnreachable: false })).toBeNull();
  });

  it('reports offline first, whatever the socket says', () => {
    expect(connectionProblem({ online: false, socket: 'open', wasOpen: true, apiUnreachable: false })).toBe('offline');
  });

  it('reports a lost connection after it had been open, or when the API is unreachable', () => {
    expect(connectionProblem({ online: true, socket: 'connecting', wasOpen: true, apiUnreachable: false })).toBe('reconnecting');
    expect(connectionProblem({ online: true, socket: 'closed', wasOpen: true, apiUnreachable: false })).toBe('reconnecting');
    expect(connectionProblem({ online: true, socket: 'closed', wasOpen: false, apiUnreachable: true })).toBe('reconnecting');
  });
});

describe('createConnectionStore', () => {
  it('remembers that the socket was open and clears the API failure when it opens again', () => {
    const s = createConnectionStore({ online: true, socket: 'connecting', wasOpen: false, apiUnreachable: false });
    let calls = 0;
    s.subscribe(() => calls++);
    s.update({ socket: 'open' });
    s.update({ socket: 'closed', apiUnreachable: true });
    expect(connectionProblem(s.get())).toBe('reconnecting');
    s.update({ socket: 'open' });
    expect(s.get()).toMatchObject({ wasOpen: true, apiUnreachable: false });
    expect(connectionProblem(s.get())).toBeNull();
    s.update({ socket: 'open' });
    expect(calls).toBe(3);
  });
});
