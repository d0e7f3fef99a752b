// The participants' join page: a small app of its own, never the Slidev deck.
import { createApp } from 'vue'
import App from './App.vue'
import HelperApp from './HelperApp.vue'
import './join.css'

// The presenter view's helper QR code opens this page with `#helper=<token>`: moderation, not a board.
const helper = /^#helper=([\w-]{32})$/.exec(location.hash)?.[1]
;(helper ? createApp(HelperApp, { token: helper }) : createApp(App)).mount('#app')
