// @vitest-environment happy-dom
import { appError, ERROR_CODES, type ErrorCode } from '@shared/contract/errors';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorNotice } from './ErrorNotice';
import { describeError, fieldIssues } from './errors';

afterEach(cleanup);

describe('describeError', () => {
  it('gives every code its own title and an actionable hint', () => {
    const titles = new Set<string>();
    for (const code of ERROR_CODES) {
      const { title, hint } = describeError(appError(code, 'x'));
      expect(title, code).not.toBe('');
      expect(hint.length, code).toBeGreaterThan(15);
      titles.add(title);
    }
    expect(titles.size).toBe(ERROR_CODES.length);
  });

  const families: [ErrorCode, RegExp, RegExp][] = [
    ['validation_failed', /not valid/i, /correct the fields/i],
    ['host_in_use', /jobs in progress/i, /cancel them/i],
    ['host_unreachable', /cannot be reached/i, /firewall/i],
    ['authentication_failed', /refused the credentials/i, /password/i],
    ['vm_running', /not stopped/i, /shut down/i],
    ['job_active_for_vm', /another job/i, /wait/i],
    ['script_failed', /failed on the host/i, /retry/i],
    ['powershell_missing', /powershell/i, /install/i],
    ['store_failed', /read or write/i, /disk space/i],
    ['lab_failed', /lab host/i, /reset/i],
    ['internal', /unexpected/i, /report/i],
  ];
  it.each(families)('%s: says what failed and what to do', (code, title, hint) => {
    const described = describeError(appError(code, 'the core said so'));
    expect(described.title).toMatch(title);
    expect(described.hint).toMatch(hint);
    expect(described.detail).toContain('the core said so');
  });

  it('names the host, the object and the step of a host failure', () => {
    const error = appError('script_failed', 'Remove-Item failed', {
      hostId: 'h-1',
      object: 'C:\\VMs\\web01\\disk.vhdx',
      step: 'delete_disks',
      hostCode: 'file_locked',
    });
    const { detail } = describeError(error, 'hv-prod-01');
    expect(detail).toContain('Host: hv-prod-01');
    expect(detail).not.toContain('h-1');
    expect(detail).toContain('Object: C:\\VMs\\web01\\disk.vhdx');
    expect(detail).toContain('Step: delete_disks');
    expect(detail).toContain('file_locked');
  });

  it('never shows a stack trace', () => {
    const error = appError('internal', 'TypeError: boom\n    at run (/app/out/main/index.js:10:5)\n    at next');
    const { detail } = describeError(error);
    expect(detail).toContain('TypeError: boom');
    expect(detail).not.toMatch(/index\.js|\bat run\b/);
  });

  it('keys validation issues by field path', () => {
    const error = appError('validation_failed', 'bad', {
      issues: [
        { path: 'address', message: 'must be a host name or an IP address' },
        { path: 'connection.port', message: 'too big' },
      ],
    });
    expect(fieldIssues(error)).toEqual({
      address: 'must be a host name or an IP address',
      'connection.port': 'too big',
    });
  });
});

describe('ErrorNotice', () => {
  it('renders title, detail, issues and hint as an alert', () => {
    render(
      <ErrorNotice
        error={appError('validation_failed', 'Invalid host', { issues: [{ path: 'address', message: 'is empty' }] })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Some values are not valid');
    expect(alert.textContent).toContain('address: is empty');
    expect(alert.textContent).toContain('Correct the fields');
  });
});
