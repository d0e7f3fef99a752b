// Says once, at the start of a run, which tests are skipped because this machine lacks
// redis-server or PostgreSQL (the live mode across several server instances), and how to get them.
// The test files skip themselves (describe.skipIf); this is only the one plain line about it.
import { findPostgresBin } from './live-clients'
import { hasRedisServer } from '../live/scale-out'

export default function setup() {
  if (!hasRedisServer) {
    console.log('Skipping the live mode\'s multi-instance tests (test/live/redis.test.ts, cluster-limits.test.ts, postgres.test.ts): '
      + 'they need redis-server, which is not on this machine (Debian/Ubuntu: sudo apt-get install redis-server postgresql). Every other test runs.')
  }
  else if (!findPostgresBin()) {
    console.log('Skipping test/live/postgres.test.ts: it needs PostgreSQL (initdb and postgres, not found in /usr/lib/postgresql/*/bin or on the PATH; '
      + 'Debian/Ubuntu: sudo apt-get install postgresql). Every other test runs.')
  }
}
