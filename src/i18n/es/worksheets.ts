// Spanish for the words only printed worksheets use (src/boards/worksheet-model.ts), keyed by
// the English text. Merged into the one Spanish phrasebook (./phrases.ts): words the boards
// already translate are not repeated here. The credits are the boards' (src/boards/*/model.ts
// `credit`), and the licence line is the kit's (src/i18n/en/licence.ts).
import { KIT_NAME, LICENCE_LINE, LICENCES } from '../en/licence'

export const WORKSHEET_PHRASEBOOK_ES: Record<string, string> = {
  // The footer of every printed page (src/i18n/en/licence.ts)
  [LICENCE_LINE]: `Contenido ${LICENCES.content.name} (${LICENCES.content.url}); texto adaptado de Liberating Structures, señalado donde se usa, ${LICENCES.shareAlike.name} (${LICENCES.shareAlike.url}); código ${LICENCES.code.name}; iconos Carbon (IBM), Apache-2.0; tipografías Atkinson Hyperlegible y Fira Code, OFL-1.1. Los marcos se citan donde se usan y en la diapositiva de referencias de cada presentación.`,
  'Group': 'Grupo',
  'Date': 'Fecha',
  'Notes': 'Notas',
  'Power': 'Poder',
  'Interest': 'Interés',
  'low': 'bajo',
  'high': 'alto',
  'one line': 'una línea',
  'until': 'hasta',
  'Code of conduct': 'Código de conducta',
  'Membership': 'Membresía',
  'With whom, we do what, for whom, so that what changes': 'Con quién, hacemos qué, para quién, para que cambie qué',
  'Stages': 'Etapas',
  'Slide': 'Diapositiva',
  'Sources': 'Fuentes',
  [KIT_NAME]: 'Formación básica en construcción y participación de comunidades',
  'Power/interest grid: Johnson and Scholes, after Mendelow (1981); the quadrant names are adapted from Johnson and Scholes\'s. After The Turing Way, "Facilitating Stakeholder Engagement" (online book, CC BY 4.0). Engagement modes: the CSCCE Community Participation Model (Woodley and Pratt, 2020).':
    'Matriz poder/interés: Johnson y Scholes, a partir de Mendelow (1981); los nombres de los cuadrantes están adaptados de los de Johnson y Scholes. A partir de The Turing Way, "Facilitating Stakeholder Engagement" (libro en línea, CC BY 4.0). Modos de participación: el CSCCE Community Participation Model (Woodley y Pratt, 2020).',
  'RACI is common project-management practice with no single owner. Roles after The Turing Way, "Roles and Responsibilities" (online book, CC BY 4.0); its Chair and Secretary texts, adapted from Volunteer Now\'s DIY Committee Guide (CC BY-NC-SA 2.0), are not reproduced.':
    'RACI es una práctica común de gestión de proyectos sin un autor único. Roles a partir de The Turing Way, "Roles and Responsibilities" (libro en línea, CC BY 4.0); sus textos de Chair y Secretary, adaptados de la DIY Committee Guide de Volunteer Now (CC BY-NC-SA 2.0), no se reproducen.',
  'After The Turing Way, "Communication Platforms" (online book, CC BY 4.0), and the CSCCE Community Participation Model (Woodley and Pratt, 2020).':
    'A partir de The Turing Way, "Communication Platforms" (libro en línea, CC BY 4.0), y del CSCCE Community Participation Model (Woodley y Pratt, 2020).',
  'No single standard framework: the kit combines The Turing Way\'s synchronous and asynchronous channels (online book, CC BY 4.0) with the CSCCE Community Participation Model\'s information flows (Woodley and Pratt, 2020).':
    'No hay un marco estándar único: el kit combina los canales síncronos y asíncronos de The Turing Way (libro en línea, CC BY 4.0) con los flujos de información del CSCCE Community Participation Model (Woodley y Pratt, 2020).',
  'Pathway stages and personas after Mozilla\'s Open Leadership Training Series, 3.2 "Contributor Personas & Pathways" (2016, CC BY 4.0), and The Turing Way\'s persona tool (text CC BY 4.0; its Persona Canvas figure, CC BY-SA 4.0, is not used). The "Mountain of Engagement" is Mozilla Open Leadership\'s and Open Life Science\'s (five bands, observers to owners, in Sharan et al., SSI, 2021). This board\'s drawing is the kit\'s.':
    'Etapas del recorrido y personas a partir de la Open Leadership Training Series de Mozilla, 3.2 "Contributor Personas & Pathways" (2016, CC BY 4.0), y de la herramienta de personas de The Turing Way (texto CC BY 4.0; su figura Persona Canvas, CC BY-SA 4.0, no se usa). La "Mountain of Engagement" es de Mozilla Open Leadership y Open Life Science (cinco franjas, de quien observa a quien es dueño, en Sharan et al., SSI, 2021). El dibujo de este tablero es del kit.',
  'Kinds of value adapted and shortened from Mozilla\'s "Taxonomy of open value exchanges" (2019, github.com/semioticrobotic/resources; CC BY, version not stated by the source).':
    'Tipos de valor adaptados y abreviados de la "Taxonomy of open value exchanges" de Mozilla (2019, github.com/semioticrobotic/resources; CC BY, versión no indicada por la fuente).',
  'After The Turing Way\'s working-group charter template (online book, CC BY 4.0), revised from the Collaborative Leaders Network\'s sample charter ("Collaborative Leader Network" in The Turing Way); mission sentence after Mozilla\'s Open Leadership Training Series, 1.4 "Your Project Vision", which calls it a vision or mission statement; milestone types after OLTS 2.3 (both CC BY 4.0).':
    'A partir de la plantilla de carta de grupo de trabajo de The Turing Way (libro en línea, CC BY 4.0), revisión de la carta de ejemplo de la Collaborative Leaders Network ("Collaborative Leader Network" en The Turing Way); la frase de misión a partir de la Open Leadership Training Series de Mozilla, 1.4 "Your Project Vision", que la llama declaración de visión o de misión; los tipos de hito a partir de OLTS 2.3 (ambos CC BY 4.0).',
  'The kit\'s own exercise (CC BY 4.0).': 'Ejercicio propio del kit (CC BY 4.0).',
  'Stages: Wenger, McDermott and Snyder, Cultivating Communities of Practice (2002), paraphrased.':
    'Etapas: Wenger, McDermott y Snyder, Cultivating Communities of Practice (2002), parafraseadas.',
}
