// The part of better-sqlite3's API the live store uses (the package ships no types).
declare module 'better-sqlite3' {
  namespace Database {
    interface Statement<P extends unknown[] = unknown[], R = unknown> {
      run: (...params: P) => { changes: number, lastInsertRowid: number | bigint }
      all: (...params: P) => R[]
    }
    interface Database {
      pragma: (source: string) => unknown
      exec: (source: string) => Database
      prepare: <P extends unknown[] = unknown[], R = any>(source: string) => Statement<P, R>
      transaction: <F extends (...args: any[]) => any>(fn: F) => F
      close: () => void
    }
  }
  const Database: new (file: string, options?: Record<string, unknown>) => Database.Database
  export default Database
}
