// Counted nouns by a language's plural rules (Intl.PluralRules), for the words that carry no
// catalogue (the join page's): `plural('en')(1, '{n} vote', '{n} votes')` is "1 vote".
// Languages with more forms (few, many) pass them in `forms`.
export function plural(code: string) {
  const rules = new Intl.PluralRules(code)
  return (n: number, one: string, other: string, forms: Partial<Record<Intl.LDMLPluralRule, string>> = {}): string =>
    (forms[rules.select(n)] ?? (rules.select(n) === 'one' ? one : other)).replace('{n}', String(n))
}
