/**
 * Password policy for 网络安全等级保护 2.0 level 3 practice: at least 8 characters drawn from at
 * least 3 of the 4 classes (lower, upper, digit, symbol), not containing the username.
 */
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

export const LEVEL3_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'contains_username' | 'too_long';

export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

export function checkPassword(password: string, policy: PasswordPolicy, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < policy.minLength) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  if (characterClasses(password) < policy.minClasses) problems.push('too_few_classes');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  return problems;
}

export function passwordProblemMessage(p: PasswordProblem, policy: PasswordPolicy): { zh: string; en: string } {
  switch (p) {
    case 'too_short':
      return { zh: `密码至少需要${policy.minLength}位`, en: `The password needs at least ${policy.minLength} characters` };
    case 'too_long':
      return { zh: '密码不能超过128位', en: 'The password may not exceed 128 characters' };
    case 'too_few_classes':
      return {
        zh: `密码需包含大写字母、小写字母、数字、符号中的至少${policy.minClasses}类`,
        en: `The password needs at least ${policy.minClasses} of: upper case, lower case, digits, symbols`,
      };
    case 'contains_username':
      return { zh: '密码不能包含用户名', en: 'The password may not contain the username' };
  }
}
