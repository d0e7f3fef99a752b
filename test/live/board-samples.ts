// One valid entry, an edit of it and an invalid one per board with a phone form, as a phone
// sends them: shared by the adapter's unit test and the live server's test of the boards. From
// the registry: each board's `samples.phone` (src/boards/<kind>/entry.ts).
import { BOARDS } from '../../src/boards'
import type { BoardSamples } from '../../src/boards/kit/phone'

export type BoardSample = NonNullable<BoardSamples['phone']> & { kind: string }

export const SAMPLES: readonly BoardSample[] = BOARDS.flatMap(b => (b.samples.phone ? [{ kind: b.def.kind, ...b.samples.phone }] : []))
