/**
 * Finds state names of the domain's machines written as string literals where they decide something:
 * compared, switched on, queried or filtered on, or gathered into a status set. Each of those belongs
 * in `cms/src/domain/` (a named constant or set derived from the machine) and nowhere else.
 */
import ts from 'typescript';
import { lineOf, parse, rel, walk } from './source-files';

export interface QuotedState {
  file: string;
  line: number;
  state: string;
  context: string;
}

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** knex (and Strapi's query builder) methods whose arguments filter rows. */
const QUERY_METHODS = new Set([
  'where',
  'andWhere',
  'orWhere',
  'whereNot',
  'andWhereNot',
  'orWhereNot',
  'whereIn',
  'orWhereIn',
  'whereNotIn',
  'orWhereNotIn',
  'having',
  'havingIn',
  'havingNotIn',
]);

/** Methods that test membership when called on an array of states. */
const MEMBERSHIP_METHODS = new Set(['includes', 'indexOf', 'lastIndexOf', 'some', 'every', 'find', 'findIndex']);

/** Methods that test whether a collection holds the argument (`statuses.includes('terminated')`). */
const ELEMENT_TESTS = new Set(['includes', 'has', 'indexOf']);

/** Strapi / Refine filter operators taking a state or a list of states. */
const FILTER_OPERATORS = new Set(['$eq', '$ne', '$eqi', '$nei', '$in', '$notIn', '$not', 'eq', 'ne', 'in', 'nin']);

const isStatusKey = (name: string) => /(^|[a-z_])(status|state)$/i.test(name);

function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return null;
}

function calledMethod(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isIdentifier(callee)) return callee.text;
  return null;
}

const DEFAULTING = new Set([ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken]);

/** Skips parentheses, `as const`, `satisfies`, `!`, and a choice between values (`c ? 'x' : 'y'`, `v ?? 'x'`) around an expression. */
function outer(node: ts.Node): ts.Node {
  let n = node;
  for (;;) {
    const p = n.parent;
    if (!p) return n;
    const wraps = ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p);
    const chosen = (ts.isConditionalExpression(p) && p.condition !== n) || (ts.isBinaryExpression(p) && DEFAULTING.has(p.operatorToken.kind));
    if (!wraps && !chosen) return n;
    n = p;
  }
}

/** Values that share a word with a state but are something else: a tab, a mode, a kind, a role, an action (`tab === 'delivered'`). */
const OTHER_THINGS = /(^|[a-z_.])(tab|mode|kind|type|level|role|action)$/i;

function comparesOtherThing(other: ts.Expression): boolean {
  const name = ts.isIdentifier(other) ? other.text : ts.isPropertyAccessExpression(other) ? other.name.text : null;
  return name !== null && OTHER_THINGS.test(name);
}

/** `{ field: 'status', operator: 'eq', value: <here> }` (Refine's filter objects). */
function isRefineStatusFilterValue(prop: ts.PropertyAssignment): boolean {
  if (propertyName(prop.name) !== 'value' || !ts.isObjectLiteralExpression(prop.parent)) return false;
  return prop.parent.properties.some(
    (p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'field' && ts.isStringLiteralLike(p.initializer) && isStatusKey(p.initializer.text),
  );
}

/** Why an array literal of (some) state names is a decision, or null when it is not one. */
function arrayContext(array: ts.ArrayLiteralExpression, states: ReadonlySet<string>): string | null {
  const at = outer(array);
  const parent = at.parent;
  const literals = array.elements.filter((e) => ts.isStringLiteralLike(e));
  const onlyStates = literals.length === array.elements.length && literals.every((e) => states.has((e as ts.StringLiteralLike).text));
  // A membership test over a mixed list (`['todo', 'delivered', 'all'].includes(tab)`) is not about states.
  if (ts.isPropertyAccessExpression(parent) && parent.expression === at && MEMBERSHIP_METHODS.has(parent.name.text))
    return onlyStates ? `[…].${parent.name.text}` : null;
  if (ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'Set') return onlyStates ? 'new Set([…])' : null;
  if (ts.isCallExpression(parent) && parent.arguments.includes(at as ts.Expression)) {
    const m = calledMethod(parent);
    if (m && QUERY_METHODS.has(m)) return `${m}(…, […])`;
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === at) {
    const key = propertyName(parent.name);
    if (key && (FILTER_OPERATORS.has(key) || isStatusKey(key))) return `${key}: […]`;
    if (isRefineStatusFilterValue(parent)) return 'filter value: […]';
  }
  if (onlyStates && literals.length >= 2) return 'status set […]';
  return null;
}

/** Why this string literal (whose text is a state name) is a decision, or null. */
function literalContext(lit: ts.StringLiteralLike, states: ReadonlySet<string>): string | null {
  const at = outer(lit);
  const parent = at.parent;
  if (ts.isBinaryExpression(parent)) {
    if (COMPARISONS.has(parent.operatorToken.kind)) return comparesOtherThing(parent.left === at ? parent.right : parent.left) ? null : 'comparison';
    if (parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === at) {
      const target = parent.left;
      if (ts.isPropertyAccessExpression(target) && isStatusKey(target.name.text)) return `${target.name.text} = …`;
    }
  }
  if (ts.isCaseClause(parent) && parent.expression === at) return 'case';
  if (ts.isCallExpression(parent) && parent.arguments.includes(at as ts.Expression)) {
    const m = calledMethod(parent);
    if (m && QUERY_METHODS.has(m)) return `${m}(…)`;
    if (m && ts.isPropertyAccessExpression(parent.expression) && ELEMENT_TESTS.has(m)) return `….${m}(…)`;
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === at) {
    const key = propertyName(parent.name);
    if (key && (FILTER_OPERATORS.has(key) || isStatusKey(key))) return `{ ${key}: … }`;
    if (isRefineStatusFilterValue(parent)) return 'filter value';
  }
  if (ts.isArrayLiteralExpression(parent)) return arrayContext(parent, states);
  return null;
}

/** `'pending'` quoted inside SQL text (`whereRaw("status = 'pending'")`, `CASE WHEN … THEN 'x'`). */
function sqlQuoted(text: string, states: ReadonlySet<string>): string[] {
  return [...text.matchAll(/'([A-Za-z_]+)'/g)].map((m) => m[1]!).filter((s) => states.has(s));
}

export function findQuotedStates(files: readonly string[], states: ReadonlySet<string>): QuotedState[] {
  return files.flatMap((abs) => quotedStatesIn(parse(abs), rel(abs), states));
}

export function quotedStatesIn(sf: ts.SourceFile, file: string, states: ReadonlySet<string>): QuotedState[] {
  const found: QuotedState[] = [];
  walk(sf, (n) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      if (states.has(n.text)) {
        const context = literalContext(n, states);
        if (context) found.push({ file, line: lineOf(n), state: n.text, context });
      } else {
        for (const state of sqlQuoted(n.text, states)) found.push({ file, line: lineOf(n), state, context: 'quoted in SQL text' });
      }
    } else if (ts.isTemplateExpression(n)) {
      const texts = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)];
      for (const state of texts.flatMap((t) => sqlQuoted(t, states))) found.push({ file, line: lineOf(n), state, context: 'quoted in SQL text' });
    }
  });
  return found;
}

/** `file: count` lines, most first, then `file:line 'state' (context)` lines. */
export function describeFindings(found: readonly QuotedState[]): string {
  const perFile = new Map<string, number>();
  for (const f of found) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
  const counts = [...perFile].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([f, c]) => `  ${c}\t${f}`);
  const lines = found.map((f) => `  ${f.file}:${f.line} '${f.state}' (${f.context})`);
  return [`${found.length} quoted state names in ${perFile.size} files:`, ...counts, '', ...lines].join('\n');
}
