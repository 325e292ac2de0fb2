/**
 * Dictionary i18n provider over src/i18n/*.ts: nested keys ("login.title"), `{{var}}` interpolation,
 * language kept in localStorage `mcp_lang`, zh-CN by default.
 */
import type { I18nProvider } from '@refinedev/core';
import zhCN, { type Dictionary } from '../i18n/zh-CN';
import enUS from '../i18n/en-US';

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_STORAGE_KEY = 'mcp_lang';

/**
 * Each feature keeps its own messages in src/i18n/features/<feature>.ts (`export const zhCN = {…}; export const enUS = {…}`),
 * found here without a registry and reachable as "<feature>.<key>".
 */
type FeatureModule = { zhCN: Record<string, unknown>; enUS: Record<string, unknown> };
const FEATURES = import.meta.glob<FeatureModule>('../i18n/features/*.ts', { eager: true });
const featureMessages = (lang: 'zhCN' | 'enUS') =>
  Object.fromEntries(Object.entries(FEATURES).map(([file, mod]) => [file.replace(/^.*\/|\.ts$/g, ''), mod[lang]]));

const DICTIONARIES: Record<Lang, Dictionary> = {
  'zh-CN': { ...featureMessages('zhCN'), ...zhCN } as Dictionary,
  'en-US': { ...featureMessages('enUS'), ...enUS } as Dictionary,
};

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

export function getStoredLang(): Lang {
  try {
    const v = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(v) ? v : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
}

/** The string at a dotted key, or undefined when missing or not a string. */
export function lookup(dict: Dictionary, key: string): string | undefined {
  let node: unknown = dict;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Replaces `{{name}}` with options.name (left as is when the option is missing). */
export function interpolate(text: string, options?: Record<string, unknown>): string {
  if (!options) return text;
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    const v = options[name];
    return v === undefined || v === null ? whole : String(v);
  });
}

/**
 * translate(key, options, defaultMessage) as Refine calls it; Refine also calls
 * translate(key, defaultMessage), so a string in `options` is the default message.
 */
export function translateIn(lang: Lang, key: string, options?: unknown, defaultMessage?: string): string {
  const opts = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : undefined;
  const fallback = typeof options === 'string' && defaultMessage === undefined ? options : defaultMessage;
  const text = lookup(DICTIONARIES[lang], key) ?? fallback ?? key;
  return interpolate(text, opts);
}

let currentLang: Lang = DEFAULT_LANG;

/** The language in use now (for code outside React). */
export function getCurrentLang(): Lang {
  return currentLang;
}

/** Translation in the current language, for code outside React (providers). */
export function translateNow(key: string, options?: Record<string, unknown>): string {
  return translateIn(currentLang, key, options);
}

/**
 * A provider for `lang`. App makes a new one when the language changes (so every translating
 * component re-renders); getLocale reads the module's current language because Refine's
 * useGetLocale/useSetLocale keep the first provider's functions.
 */
export function createI18nProvider(lang: Lang, onChange: (lang: Lang) => void): I18nProvider {
  currentLang = lang;
  return {
    translate: (key, options, defaultMessage) => translateIn(lang, key, options, defaultMessage),
    changeLocale: (next: string) => {
      const l = isLang(next) ? next : DEFAULT_LANG;
      currentLang = l;
      storeLang(l);
      onChange(l);
      return Promise.resolve();
    },
    getLocale: () => currentLang,
  };
}
