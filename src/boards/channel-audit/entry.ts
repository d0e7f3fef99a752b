// The channel audit: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { CHANNEL_FIELDS, channelAudit } from './model'

export const entry = defineBoard({
  component: 'ChannelAudit',
  def: channelAudit,
  defaultId: 'm2-board-channel-audit',
  worksheet: { list: { fields: CHANNEL_FIELDS, listKey: 'channels' } },
  phone: { lists: [{ key: 'channels', label: 'Channels', title: 'channel', fields: CHANNEL_FIELDS }] },
  phrases,
  individual: true,
  samples: {
    phone: { list: 'channels', title: 'channel', row: { channel: 'Forum', mode: 'async', purpose: 'Questions', audience: '', owner: '', cadence: '', accessibilityNotes: '' }, invalid: { mode: 'telepathy' }, says: /Sync or async: choose one of the options/ },
    rows: { channels: [{ id: 'h1', channel: 'Qz forum', mode: 'async', purpose: 'Qz questions', audience: 'Qz members', owner: '', cadence: 'Qz weekly', accessibilityNotes: 'Qz login' }] },
    form: { fill: { channel: 'Forum <b>x</b>', mode: 'async' }, shows: /0 synchronous · ✉ 1 asynchronous[\s\S]*no owner/ },
  },
})
