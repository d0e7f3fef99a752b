// Several live server instances on one session, through Redis: the documents (LiveRedis, the
// Hocuspocus Redis extension with direct updates and a fallback when Redis is lost), and what
// the instances must agree on beyond them (ClusterState: each participant's rate limit and the
// number of people joined everywhere). Loaded only when `--redis` is given.
import type { Extension } from '@hocuspocus/server'
import { ClusterState } from '../cluster'
import type { SharedRate } from './contributions'
import type { Presence, SharedCount } from './presence'

export interface ScaleOut extends SharedRate, SharedCount {
  extension: Extension
  start: () => void
  stop: () => Promise<void>
}

export async function scaleOut(redis: { host: string, port: number, prefix?: string }, presence: Presence, onProblem: (problem: string | undefined) => void): Promise<ScaleOut> {
  const { LiveRedis } = await import('../redis')
  const prefix = redis.prefix ?? 'kit-live'
  const documents = new LiveRedis({ host: redis.host, port: redis.port, prefix }, onProblem)
  const cluster = new ClusterState(documents.pub as any, prefix, presence.participants, () => presence.tellFacilitators())
  return {
    extension: documents as unknown as Extension,
    up: () => documents.up,
    take: (participantId, burst, perSecond) => cluster.take(participantId, burst, perSecond),
    joined: () => cluster.joined(),
    sync: () => cluster.sync(),
    start: () => cluster.start(),
    stop: () => cluster.stop(),
  }
}
