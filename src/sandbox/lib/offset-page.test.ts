import { describe, expect, it } from 'vitest';
import { offsetPage, readOffsetParams } from './offset-page';

const rows = [1, 2, 3, 4, 5];

describe('offsetPage', () => {
  it('gives next_offset while more remain', () => {
    expect(offsetPage(rows, 0, 2)).toEqual({ page: [1, 2], pagination: { offset: 0, next_offset: 2, size: 2 } });
  });
  it('omits next_offset on the last page, full or not', () => {
    expect(offsetPage(rows, 4, 2)).toEqual({ page: [5], pagination: { offset: 4, size: 1 } });
    expect(offsetPage(rows, 3, 2)).toEqual({ page: [4, 5], pagination: { offset: 3, size: 2 } });
  });
  it('answers an empty page past the end and for no rows', () => {
    expect(offsetPage(rows, 5, 2)).toEqual({ page: [], pagination: { offset: 5, size: 0 } });
    expect(offsetPage(rows, 99, 2)).toEqual({ page: [], pagination: { offset: 99, size: 0 } });
    expect(offsetPage([], 0, 10)).toEqual({ page: [], pagination: { offset: 0, size: 0 } });
  });
});

describe('readOffsetParams', () => {
  const q = (params: Record<string, string>) => (n: string) => params[n];
  it('defaults to 10 from 0 and caps at 100', () => {
    expect(readOffsetParams(q({}))).toEqual({ offset: 0, size: 10 });
    expect(readOffsetParams(q({ 'page[size]': '250', 'page[offset]': '7' }))).toEqual({ offset: 7, size: 100 });
    expect(readOffsetParams(q({}), 100)).toEqual({ offset: 0, size: 100 });
  });
  it('refuses malformed values', () => {
    expect(() => readOffsetParams(q({ 'page[size]': '0' }))).toThrow(/page\[size\]/);
    expect(() => readOffsetParams(q({ 'page[offset]': 'x' }))).toThrow(/page\[offset\]/);
  });
});
