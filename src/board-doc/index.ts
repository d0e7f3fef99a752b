// The document core: one board document for the tab (src/state/), the live server (src/live/)
// and the boards. Plain TypeScript and Yjs: no Vue, no DOM, no Node. See layout.ts for the
// document's layout and its schema versions.
export { type DocDefinition, describeZodError, type Result, validate } from './definition'
export { type Envelope, exportJson, FORMAT, IMPORT_BYTES, importJson } from './envelope'
export { asRow, DOC_SCHEMA, fieldsMap, INIT_ORIGIN, type Issue, type ListPath, rowsMap, valuePart } from './layout'
export { docStatus, type DocStatus, initBoardDoc } from './migrate'
export {
  liveEntries, type LiveEntry, MODERATION_ORIGIN, moderationStep, type Proposal, proposals, setLocked, setModeration,
  setProposalStatus, setRowsStatus, setRowStatus, type Undo, useProposal,
} from './moderation'
export { boardTypes, type BoardRead, issuesAt, rawJson, readBoard } from './read'
export { boardShape, type BoardShape, type Part, repeatedKeys } from './shape'
export {
  type EntryStatus, isLocked, liveMeta, type LiveMeta, metaMap, type Moderation, moderationOf, rowStatus, type Scalar,
  setFields, syncRows,
} from './status'
export { type SyncConnection, type SyncLink, type SyncProvider, type SyncTarget } from './sync'
export { mergedEntries, mergedSenders, mergeEntries } from './merge'
export { addRow, importBoard, removeRow, resetBoard, setField, updateRow } from './write'
