// The live session's limits: per participant (never per address: a room shares one router),
// per board and for joining. `--limits` on the command line overrides any of them.
export interface LiveLimits {
  /** entries one participant may have on one board */
  entriesPerParticipant: number
  /** entries on one board in all */
  rowsPerBoard: number
  /** a participant's burst of contributions, refilled at `perSecond` */
  burst: number
  perSecond: number
  /** new participants (secrets not seen before) the session admits in all */
  participants: number
  /** new participants admitted at once, then `joinsPerSecond` (per session, never per address) */
  joinBurst: number
  joinsPerSecond: number
  /** for this long after joining, a participant's contributions have the tighter newcomer bucket too */
  newcomerSeconds: number
  newcomerBurst: number
  newcomerPerSecond: number
}

/** For a room of up to 300: 200 phones joining at once are all in within 15 s. */
export const DEFAULT_LIMITS: LiveLimits = { entriesPerParticipant: 10, rowsPerBoard: 500, burst: 10, perSecond: 1, participants: 500, joinBurst: 60, joinsPerSecond: 10, newcomerSeconds: 60, newcomerBurst: 5, newcomerPerSecond: 0.5 }

/**
 * The limits in force: `partial` over the defaults. When `burst` or `perSecond` is raised and the
 * newcomer limits are not given, newcomers get the same (a test or a large room asked for more).
 */
export function resolveLimits(partial: Partial<LiveLimits> = {}): LiveLimits {
  const limits = { ...DEFAULT_LIMITS, ...partial }
  const raised = partial.burst !== undefined || partial.perSecond !== undefined
  if (partial.newcomerBurst === undefined && raised)
    limits.newcomerBurst = limits.burst
  if (partial.newcomerPerSecond === undefined && raised)
    limits.newcomerPerSecond = limits.perSecond
  limits.newcomerBurst = Math.min(limits.newcomerBurst, limits.burst)
  return limits
}
