import { describe, expect, it } from 'vitest';
import { selectExpired } from './retention';

const now = new Date('2024-06-30T00:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const records = [
  { id: 'a', updatedAt: daysAgo(1) },
  { id: 'b', updatedAt: daysAgo(3) },
  { id: 'c', updatedAt: daysAgo(3) },
  { id: 'd', updatedAt: daysAgo(10) },
  { id: 'e', updatedAt: 'not a date' },
];

describe('selectExpired', () => {
  it('keeps everything without limits', () => {
    expect(selectExpired(records, {}, now)).toEqual([]);
  });

  it('keeps the newest N, breaking ties by id, and treats an unreadable time as the oldest', () => {
    expect(selectExpired(records, { keepNewest: 2 }, now)).toEqual(['c', 'd', 'e']);
    expect(selectExpired(records, { keepNewest: 0 }, now)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('drops records older than D days', () => {
    expect(selectExpired(records, { maxAgeDays: 5 }, now)).toEqual(['d', 'e']);
  });

  it('applies both limits, and never selects a protected record', () => {
    expect(selectExpired(records, { keepNewest: 4, maxAgeDays: 2 }, now)).toEqual(['b', 'c', 'd', 'e']);
    expect(selectExpired(records, { keepNewest: 1, maxAgeDays: 2 }, now, (r) => r.id === 'c')).toEqual(['b', 'd', 'e']);
  });
});
