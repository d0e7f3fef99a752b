// The value-exchange ledger: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { LEDGER_FIELDS, valueExchangeLedger } from './model'

export const entry = defineBoard({
  component: 'ValueExchangeLedger',
  def: valueExchangeLedger,
  defaultId: 'm3-board-value-exchange-ledger',
  worksheet: { list: { fields: LEDGER_FIELDS, listKey: 'rows' } },
  phone: { lists: [{ key: 'rows', label: 'Exchanges', title: 'contributionAsked', fields: LEDGER_FIELDS }] },
  phrases,
  individual: true,
  samples: {
    phone: { list: 'rows', title: 'contributionAsked', row: { contributionAsked: 'Review the docs', persona: '', cpmMode: 'contribute', valueOffered: ['recognition'], canDeliver: 'yes', costToCommunity: 2, fairness: 4 }, invalid: { fairness: 0 }, says: /Fairness \(1-5\): a whole number from 1 to 5/ },
    rows: { rows: [{ id: 'v1', contributionAsked: 'Qz review', persona: 'Qz Nia', cpmMode: 'contribute', valueOffered: ['recognition'], canDeliver: 'no', costToCommunity: 2, fairness: 2 }] },
    form: { fill: { contributionAsked: 'Review <b>x</b>', canDeliver: 'no', costToCommunity: 2, fairness: 2 }, shows: /1 of 1 exchanges flagged[\s\S]*undeliverable[\s\S]*unfair/ },
  },
})
