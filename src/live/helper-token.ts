// The helper's token, in the browser (the presenter view draws it as its own QR code): the same
// value as the server's helperTokenOf (HMAC-SHA-256 of "kit-live-helper" keyed with the
// facilitator token, base64url, 32 characters), computed with Web Crypto, so the token itself
// never travels. The laptop's Slidev is on localhost, a secure context where Web Crypto exists.
export async function helperToken(facilitatorToken: string): Promise<string> {
  const enc = new TextEncoder()
  const key = await crypto.subtle.importKey('raw', enc.encode(facilitatorToken), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode('kit-live-helper')))
  let text = ''
  for (const b of mac)
    text += String.fromCharCode(b)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 32)
}

/** The address a helper's phone opens: the join page with the token in its fragment (never sent to a server). */
export const helperUrl = (joinUrl: string, token: string) => `${joinUrl.replace(/#.*$/, '')}#helper=${token}`
