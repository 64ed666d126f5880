import { describe, expect, it } from 'vitest';
import { formatShapeDiff, jsonType, shapeDiff } from './shape-diff';

describe('shapeDiff', () => {
  it('agrees on equal shapes with different values', () => {
    expect(shapeDiff({ a: 1, b: 'x', c: [1, 2] }, { a: 2, b: 'y', c: [3] })).toEqual([]);
  });
  it('reports missing keys with their path', () => {
    expect(shapeDiff({ a: { b: 1 } }, { a: {} })).toEqual(['$.a.b: missing in ours (recorded number)']);
  });
  it('reports type differences', () => {
    expect(shapeDiff({ a: 1 }, { a: '1' })).toEqual(['$.a: recorded number (1), ours string ("1")']);
  });
  it('treats null on either side as compatible', () => {
    expect(shapeDiff({ a: null }, { a: { x: 1 } })).toEqual([]);
    expect(shapeDiff({ a: { x: 1 } }, { a: null })).toEqual([]);
  });
  it('compares the first elements of arrays, and accepts empty arrays', () => {
    expect(shapeDiff([{ a: 1 }], [{ a: 'x' }, { a: 2 }])).toEqual(['$[0].a: recorded number (1), ours string ("x")']);
    expect(shapeDiff([{ a: 1 }], [])).toEqual([]);
  });
  it('ignores extra keys in ours', () => {
    expect(shapeDiff({ a: 1 }, { a: 1, b: 2 })).toEqual([]);
  });
  it('skips ignored paths', () => {
    expect(shapeDiff({ a: [{ id: 1 }] }, { a: [{ id: 'x' }] }, { ignore: ['$.a[0].id'] })).toEqual([]);
  });
  it('names JSON types', () => {
    expect([null, true, 1, 's', [], {}].map(jsonType)).toEqual(['null', 'boolean', 'number', 'string', 'array', 'object']);
  });
  it('formats readable messages', () => {
    expect(formatShapeDiff('x', [])).toBe('x: shapes agree');
    expect(formatShapeDiff('x', ['$.a: missing'])).toContain('1 difference(s)');
  });
});
