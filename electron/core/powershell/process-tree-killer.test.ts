import { describe, expect, it } from 'vitest';
import { createProcessTreeKiller, PosixProcessTreeKiller, WindowsProcessTreeKiller } from './process-tree-killer';

describe('PosixProcessTreeKiller', () => {
  it('interrupts the process group with SIGINT and kills it with SIGKILL', () => {
    const sent: [number, string][] = [];
    const killer = new PosixProcessTreeKiller((pid, signal) => {
      sent.push([pid, signal]);
    });
    killer.interrupt(4242);
    killer.killTree(4242);
    expect(sent).toEqual([
      [-4242, 'SIGINT'],
      [-4242, 'SIGKILL'],
      [4242, 'SIGKILL'],
    ]);
  });

  it('falls back to the pid when there is no group, and never throws for a process already gone', () => {
    const sent: [number, string][] = [];
    const killer = new PosixProcessTreeKiller((pid, signal) => {
      sent.push([pid, signal]);
      if (pid < 0) throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    });
    killer.interrupt(7);
    expect(sent).toEqual([
      [-7, 'SIGINT'],
      [7, 'SIGINT'],
    ]);
    const gone = new PosixProcessTreeKiller(() => {
      throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    });
    expect(() => gone.killTree(7)).not.toThrow();
    expect(() => gone.interrupt(7)).not.toThrow();
  });
});

describe('WindowsProcessTreeKiller', () => {
  it('runs taskkill /T /F /PID from System32, for interrupt and kill alike', () => {
    const calls: { command: string; args: readonly string[]; options: object }[] = [];
    const errorListeners: ((error: Error) => void)[] = [];
    const killer = new WindowsProcessTreeKiller((command, args, options) => {
      calls.push({ command, args, options });
      return {
        on: (_event: 'error', listener: (error: Error) => void) => {
          errorListeners.push(listener);
        },
      };
    }, 'C:\\Windows');
    killer.interrupt(1234);
    killer.killTree(1234);
    const expected = {
      command: 'C:\\Windows\\System32\\taskkill.exe',
      args: ['/T', '/F', '/PID', '1234'],
      options: { windowsHide: true, stdio: 'ignore' },
    };
    expect(calls).toEqual([expected, expected]);
    // A failing taskkill is swallowed, not an unhandled 'error' event.
    expect(errorListeners).toHaveLength(2);
    expect(() => errorListeners[0]?.(new Error('spawn ENOENT'))).not.toThrow();
  });
});

describe('createProcessTreeKiller', () => {
  it('picks the implementation for the platform', () => {
    expect(createProcessTreeKiller('win32')).toBeInstanceOf(WindowsProcessTreeKiller);
    expect(createProcessTreeKiller('linux')).toBeInstanceOf(PosixProcessTreeKiller);
    expect(createProcessTreeKiller('darwin')).toBeInstanceOf(PosixProcessTreeKiller);
  });
});
