/** Request bodies: the fields under `data` (Strapi's shape) or bare; text fields bounded before any rule runs. */
import { z } from 'zod';

export const unwrapData = (b: unknown) => (typeof b === 'object' && b !== null && 'data' in b ? (b as { data: unknown }).data : (b ?? {}));

/** An optional text field (numbers taken as text), at most `max` characters. */
export const textField = (zh: string, max = 500) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string({ message: `${zh}格式不正确` })
      .max(max, { message: `${zh}过长` })
      .nullish(),
  );

/** A record's documentId in the path. */
export const documentIdParam = z.object({
  documentId: z.string({ message: '记录标识无效' }).min(1, { message: '记录标识无效' }).max(64, { message: '记录标识无效' }),
});
