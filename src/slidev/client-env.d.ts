// Type checking reaches Slidev's client sources (its package ships TypeScript, not .d.ts):
// the compile-time flags its CLI defines and its shims, as Slidev's own build declares them.
/// <reference types="@slidev/types/client" />
/// <reference path="../../node_modules/@slidev/client/shim.d.ts" />
/// <reference path="../../node_modules/@slidev/client/shim-vue.d.ts" />

declare const __DEV__: boolean
declare const __SLIDEV_CLIENT_ROOT__: string
declare const __SLIDEV_HASH_ROUTE__: boolean
declare const __SLIDEV_MEMORY_ROUTE__: boolean
declare const __SLIDEV_HAS_SERVER__: boolean
declare const __SLIDEV_FEATURE_DRAWINGS__: boolean
declare const __SLIDEV_FEATURE_DRAWINGS_PERSIST__: boolean
declare const __SLIDEV_FEATURE_EDITOR__: boolean
declare const __SLIDEV_FEATURE_RECORD__: boolean
declare const __SLIDEV_FEATURE_PRESENTER__: boolean
declare const __SLIDEV_FEATURE_PRINT__: boolean
declare const __SLIDEV_FEATURE_BROWSER_EXPORTER__: boolean
declare const __SLIDEV_FEATURE_WAKE_LOCK__: boolean
declare const __SLIDEV_FEATURE_PWA__: boolean

// An optional dependency of Slidev's client, loaded only for its PNG export.
declare module 'file-saver'
