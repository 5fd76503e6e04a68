// @vitest-environment happy-dom
// The row model's keys: natural name order (digit runs compared as numbers, the way an admin numbers VMs), and
// a filter that matches name, host and state (its search text is built on the first filter, not with the row).
import { sampleVm } from '@shared/contract/fixtures';
import { describe, expect, it } from 'vitest';
import { filterRows, naturalKey, sortRows, toRow } from './vm-rows';

const rowOf = (name: string, hostName = 'HV01', state = 'Off') =>
  toRow(sampleVm({ id: crypto.randomUUID(), name, state }), hostName);

describe('naturalKey', () => {
  it('pads every digit run so a plain comparison orders numbers by value', () => {
    expect(naturalKey('Web2')).toBe('web000000000002');
    expect(naturalKey('7a10')).toBe('000000000007a000000000010');
    expect(naturalKey('no digits')).toBe('no digits');
    expect(naturalKey('x1234567890123')).toBe('x1234567890123');
  });

  it('sorts names as an admin numbers them', () => {
    const rows = ['web10', 'web2', 'Web1', 'app', 'web02a'].map((name) => rowOf(name));
    const sorted = sortRows(rows, { column: 'name', direction: 'asc' }).map((row) => row.vm.name);
    expect(sorted).toEqual(['app', 'Web1', 'web2', 'web02a', 'web10']);
  });
});

describe('filterRows', () => {
  it('matches the name, the host name and the state, case-insensitively, every word', () => {
    const rows = [rowOf('db01', 'HV-EAST', 'Running'), rowOf('web01', 'HV-WEST', 'Off'), rowOf('web02', 'HV-EAST')];
    const names = (query: string) => filterRows(rows, query).map((row) => row.vm.name);
    expect(names('WEB')).toEqual(['web01', 'web02']);
    expect(names('east')).toEqual(['db01', 'web02']);
    expect(names('east web')).toEqual(['web02']);
    expect(names('state:run')).toEqual(['db01']);
    expect(filterRows(rows, '  ')).toBe(rows);
  });
});
