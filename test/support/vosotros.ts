// Spain's second person plural (vosotros) in Spanish text: the kit ships neutral Spanish
// (ustedes for the room; usted, an impersonal form, or tú on a participant's own phone).
// Returns the words that give vosotros away: vosotros/vuestro, the clitic "os", verb endings
// -áis/-éis/-ís/-steis, imperatives in -ad/-ed/-id (with a clitic: "dadle", "Colocadla") and
// reflexive imperatives in -aos/-íos ("Preguntaos", "reuníos"). Nouns that end the same way
// (comunidad, red, usted, tríos, país) are let through by ending or by name.
const ALLOWED = new Set([
  'red', 'pared', 'usted', 'sed', 'huésped', 'césped', 'merced', 'madrid', 'id', 'vid', 'lid', 'ardid', 'adalid', 'david',
  'shared', 'país', 'parís', 'anís', 'maíz', 'satisfied', 'informed', 'caos', 'laos', 'ríos', 'tíos', 'fríos', 'líos', 'envíos', 'desafíos', 'vacíos', 'tríos', 'navíos',
])

export function vosotrosForms(text: string): string[] {
  const found: string[] = []
  for (const [word] of text.matchAll(/\p{L}+/gu)) {
    const w = word.toLowerCase()
    if (ALLOWED.has(w) || /^\p{Lu}{2,}$/u.test(word))
      continue
    if (/^(?:vosotr|vuestr)/.test(w) || w === 'os' || /(?:áis|éis|steis)$/.test(w) || (w.length > 3 && /ís$/.test(w))
      || /[^c]aos$|íos$/.test(w)
      || (w.length > 3 && /(?:ad|ed|id)(?:l[aeo]s?|les|nos|me)?$/.test(w) && !/(?:dad|tad|ud)$/.test(w)))
      found.push(word)
  }
  return found
}
