import { describe, expect, it } from 'vitest';
import { assertLoginManager, checkOperator, operatorActionsFor, passwordError } from '../../src/domain';

describe('logins: passwords and operators 经办人', () => {
  it('passwordError wants 8–64 characters with letters and digits', () => {
    expect(passwordError('Abcdefg1')).toBeNull();
    expect(passwordError('abcdefgh')).toMatch(/8 位/);
    expect(passwordError('1234567a'.slice(0, 7))).not.toBeNull();
    expect(passwordError(12345678)).not.toBeNull();
  });

  it('checkOperator normalises name, phone and username and names the wrong field', () => {
    expect(checkOperator({ name: ' 王 经办 ', phone: '139 0000 1111', username: 'wang_01' })).toEqual({
      name: '王 经办',
      phone: '13900001111',
      username: 'wang_01',
    });
    expect(() => checkOperator({ name: '', phone: '13900001111', username: 'wang_01' })).toThrow(
      expect.objectContaining({ code: 'FIELD_REQUIRED', field: 'name' }),
    );
    expect(() => checkOperator({ name: '王', phone: '123', username: 'wang_01' })).toThrow(expect.objectContaining({ code: 'PHONE_INVALID', field: 'phone' }));
    expect(() => checkOperator({ name: '王', phone: '13900001111', username: '1abc' })).toThrow(expect.objectContaining({ code: 'USERNAME_INVALID' }));
    expect(() => checkOperator({ name: '王', phone: '13900001111', username: 'a b c d' })).toThrow(expect.objectContaining({ field: 'username' }));
    expect(checkOperator({ name: '王', phone: '13900001111' }, { usernameRequired: false }).username).toBe('');
  });

  it('operatorActionsFor offers 禁用 to an enabled operator and 启用 to a disabled one', () => {
    expect(operatorActionsFor({ enabled: true })).toEqual(['edit', 'disable', 'resetPassword']);
    expect(operatorActionsFor({ enabled: false })).toEqual(['edit', 'enable', 'resetPassword']);
  });

  it('assertLoginManager refuses operators only', () => {
    expect(() => assertLoginManager({ operator: false })).not.toThrow();
    expect(() => assertLoginManager({ operator: true })).toThrow(expect.objectContaining({ code: 'OPERATOR_NOT_ALLOWED', status: 403 }));
  });
});
