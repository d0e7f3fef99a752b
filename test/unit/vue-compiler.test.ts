// The build's Vue compiler (src/slidev/vue-compiler.ts): a component compiled for one deck is
// not compiled again for the next deck built in the same process, and anything that changes the
// result (the source, the options) compiles again. That the built decks stay byte for byte what
// a clean build writes is test/site/build-cache.test.ts's.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { sharedVueCompiler } from '../../src/slidev/vue-compiler'

const plain = createRequire(import.meta.url)('vue/compiler-sfc') as typeof import('vue/compiler-sfc')
const sfc = (text: string) => `<script setup lang="ts">\nconst label = ${JSON.stringify(text)}\n</script>\n<template><p class="x">{{ label }}</p></template>\n<style scoped>.x { color: red }</style>\n`
const compile = (compiler: typeof plain, source: string, id = 'abc12345', genDefaultAs?: string) => {
  const { descriptor } = compiler.parse(source, { filename: '/kit/components/Label.vue' })
  return compiler.compileScript(descriptor, { id, isProd: true, inlineTemplate: true, genDefaultAs })
}

describe('the build\'s Vue compiler', () => {
  it('gives a second deck the first one\'s result, even from a fresh copy of the config', () => {
    const first = compile(sharedVueCompiler('build'), sfc('Qz one'))
    // Vite loads the config file again for every deck: a new compiler, the same store.
    const again = compile(sharedVueCompiler('build'), sfc('Qz one'))
    expect(again).toBe(first)
    expect(again.content).toContain('Qz one')
  })

  it('compiles again when the source or an option changes', () => {
    const compiler = sharedVueCompiler('build')
    const first = compile(compiler, sfc('Qz two'))
    const edited = compile(compiler, sfc('Qz three'))
    expect(edited).not.toBe(first)
    expect(edited.content).toContain('Qz three')
    expect(compile(compiler, sfc('Qz two'), 'fff99999')).not.toBe(first)
    const named = compile(compiler, sfc('Qz two'), 'abc12345', '_sfc_main')
    expect(named).not.toBe(first)
    expect(named.content).toContain('const _sfc_main')
    expect(first.content).not.toContain('const _sfc_main')
  })

  it('gives its templates the same memory', () => {
    const compiler = sharedVueCompiler('build')
    const options = { source: '<p>{{ a }}</p>', filename: '/kit/components/T.vue', id: 'data-v-1' }
    expect(compiler.compileTemplate({ ...options })).toBe(compiler.compileTemplate({ ...options }))
    expect(compiler.compileTemplate({ ...options, source: '<p>{{ b }}</p>' }).code).toContain('b')
  })

  it('leaves a dev server\'s compiler as Vue ships it', () => {
    expect(sharedVueCompiler('serve')).toBe(plain)
  })
})
