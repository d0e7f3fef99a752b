// What the server tells a phone, in the session's language. Messages are English templates
// with {placeholders}, looked up in the language's catalogue (src/i18n/<lang>/server.ts).
import { translate } from '../i18n/labels'

export function say(language: string | undefined, template: string, params: Record<string, string | number> = {}): string {
  const text = translate(template, language)
  return text.replace(/\{(\w+)\}/g, (all, key: string) => (key in params ? String(params[key]) : all))
}

/** Validation messages, line by line (a line is `path: message` or just the message). */
export function sayLines(language: string | undefined, text: string): string {
  return text.split('\n').map(line => line.replace(/^((?:[\w.]+: )?)(.*)$/, (_, path: string, message: string) => path + say(language, message))).join('\n')
}
