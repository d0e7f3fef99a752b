// The board's own words in each language, keyed by their English text; the registry merges
// them into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    'Information map': 'Mapa de la información',
    'Information': 'Información',
    'e.g. decisions, event dates, calls for help': 'p. ej. decisiones, fechas de eventos, peticiones de ayuda',
    'from your stakeholder map': 'de su mapa de partes interesadas',
    'Frequency': 'Frecuencia',
    'Flow': 'Flujo',
    'transmissive': 'transmisivo',
    'transactional': 'transaccional',
    'transformational': 'transformador',
    'Start from your persona\'s next step: what must they know to take it?': 'Partan del siguiente paso de su persona tipo: ¿qué necesita saber para darlo?',
    'For each item, name the audience, the channel from your channel audit and how often it goes out.': 'Para cada elemento, indiquen el público, el canal de su auditoría de canales y con qué frecuencia se comparte.',
    'Optional: its flow: transmissive (one way), transactional (input on your terms) or transformational (members create).': 'Opcional: su flujo: transmisivo (en un sentido), transaccional (aportaciones en sus términos) o transformador (los miembros crean).',
    'Give every item an owner, then copy the rows into your channel audit.': 'Den a cada elemento una persona responsable y copien después las filas en su auditoría de canales.',
  },
}
