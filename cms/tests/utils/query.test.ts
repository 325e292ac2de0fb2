import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../../src/domain';
import { boolParam, dayParam, enumList, idParam, parseInput, readPaging, searchTerm, sortParam } from '../../src/utils/query';

/** The DomainError `fn` throws (fails the test when it throws nothing else). */
function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const listQuery = z.object({
  q: searchTerm,
  productId: idParam('产品参数无效'),
  enabled: boolParam,
  status: enumList(['a', 'b', 'c'] as const),
  from: dayParam(),
  sort: sortParam(['name', 'createdAt'] as const, { field: 'createdAt', dir: 'desc' }),
});

describe('parseInput with the query pieces', () => {
  it('parses a full query string the way Koa hands it over', () => {
    expect(parseInput(listQuery, { q: '  威高 ', productId: '12', enabled: 'false', status: 'a,c', from: '2026-12-01', sort: 'name:asc' })).toEqual({
      q: '威高',
      productId: 12,
      enabled: false,
      status: ['a', 'c'],
      from: '2026-12-01',
      sort: { field: 'name', dir: 'asc' },
    });
  });

  it('treats missing and empty values as absent and applies the default sort', () => {
    expect(parseInput(listQuery, { q: '   ', productId: '', enabled: '', status: '', from: '' })).toEqual({ sort: { field: 'createdAt', dir: 'desc' } });
    expect(parseInput(listQuery, undefined)).toEqual({ sort: { field: 'createdAt', dir: 'desc' } });
  });

  it('takes the first of repeated keys and every value of a repeated list', () => {
    expect(parseInput(listQuery, { productId: ['3', '4'], status: ['a', 'b'] })).toMatchObject({ productId: 3, status: ['a', 'b'] });
  });

  it.each([
    [{ productId: 'abc' }, 'productId', '产品参数无效'],
    [{ productId: '-1' }, 'productId', '产品参数无效'],
    [{ productId: '99999999999' }, 'productId', '产品参数无效'],
    [{ enabled: 'yes' }, 'enabled', '筛选值应为 true 或 false'],
    [{ status: 'a,x' }, 'status.1', '筛选值无效'],
    [{ from: '2026/12/01' }, 'from', '日期格式不正确（应为YYYY-MM-DD）'],
    [{ sort: 'password:asc' }, 'sort', '排序参数无效'],
    [{ sort: 'name:up' }, 'sort', '排序参数无效'],
    [{ q: 'x'.repeat(101) }, 'q', '搜索关键字不能超过100个字'],
  ])('refuses %j as 400 INVALID_INPUT on %s with a Chinese message', (input, field, message) => {
    const e = refusal(() => parseInput(listQuery, input));
    expect([e.status, e.code, e.field, e.message]).toEqual([400, 'INVALID_INPUT', field, message]);
  });

  it('names the field in Chinese when the schema gives no Chinese message', () => {
    const e = refusal(() => parseInput(z.object({ n: z.number() }), { n: 'x' }, 'BAD_N'));
    expect([e.status, e.code, e.field, e.message]).toEqual([400, 'BAD_N', 'n', '参数 n：无效输入：期望 数字，实际接收 string']);
  });
});

describe('readPaging', () => {
  it("reads Strapi's pagination[page] / pagination[pageSize] or page / pageSize", () => {
    expect(readPaging({ pagination: { page: '3', pageSize: '20' } })).toEqual({ page: 3, pageSize: 20, offset: 40 });
    expect(readPaging({ page: '2', pageSize: '5' })).toEqual({ page: 2, pageSize: 5, offset: 5 });
  });

  it('falls back to page 1 and the default size, and serves at most max a page', () => {
    expect(readPaging({}, { pageSize: 20 })).toEqual({ page: 1, pageSize: 20, offset: 0 });
    expect(readPaging(undefined)).toEqual({ page: 1, pageSize: 10, offset: 0 });
    expect(readPaging({ pageSize: '5000' }, { max: 200 }).pageSize).toBe(200);
  });

  it.each([['0'], ['-1'], ['1.5'], ['abc'], ['1e3']])('refuses page %s as 400 INVALID_PAGINATION', (page) => {
    const e = refusal(() => readPaging({ pagination: { page } }));
    expect([e.status, e.code, e.field]).toEqual([400, 'INVALID_PAGINATION', 'page']);
  });

  it('refuses a bad page size on its own field', () => {
    expect(refusal(() => readPaging({ pageSize: '0' })).field).toBe('pageSize');
  });
});

describe('zod messages in Chinese', () => {
  it("a schema without its own message answers zod's zh-CN text naming the field", () => {
    const schema = z.object({ remark: z.string().max(3), ids: z.array(z.string()) });
    const wrongType = (() => {
      try {
        parseInput(schema, { remark: 5, ids: [] });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(wrongType?.field).toBe('remark');
    expect(wrongType?.message).toMatch(/^参数 remark：无效输入：期望 string/);
    expect(z.string().safeParse(1).error?.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
