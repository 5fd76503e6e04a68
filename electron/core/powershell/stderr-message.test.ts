import { describe, expect, it } from 'vitest';
import { errorMessageFromStderr } from './stderr-message';

describe('errorMessageFromStderr', () => {
  it("takes the message out of pwsh's concise error view", () => {
    const lines = [
      'Exception: /bundle/Invoke-DeleteVmJob.ps1:8',
      'Line |',
      "   8 |  throw 'the disk D:\\VMs\\web01.vhdx is locked'",
      '     |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '     | the disk D:\\VMs\\web01.vhdx is locked',
      '     | (second line of the message)',
    ];
    expect(errorMessageFromStderr(lines)).toBe('the disk D:\\VMs\\web01.vhdx is locked\n(second line of the message)');
  });

  it('uses the last error when there are several', () => {
    const first = ['Line |', '   1 |  a', '     |  ~', '     | first'];
    const second = ['Line |', '   2 |  b', '     |  ~', '     | second', 'trailing text'];
    expect(errorMessageFromStderr([...first, ...second])).toBe('second');
  });

  it('keeps the last non-empty lines of anything else', () => {
    const lines = ['one', '', 'two', 'three', 'four', 'five', 'six', '  '];
    expect(errorMessageFromStderr(lines)).toBe('two\nthree\nfour\nfive\nsix');
    expect(errorMessageFromStderr([])).toBe('');
  });
});
