// The participants' join page: a small app of its own, never the Slidev deck.
import { createApp } from 'vue'
import App from './App.vue'
import HelperApp from './HelperApp.vue'
// The deck's font, shipped with the kit (styles/index.ts loads the same files): no font from the network.
import '@fontsource/atkinson-hyperlegible/400.css'
import '@fontsource/atkinson-hyperlegible/700.css'
import './join.css'

// The presenter view's helper QR code opens this page with `#helper=<token>`: moderation, not a board.
const helper = /^#helper=([\w-]{32})$/.exec(location.hash)?.[1]
;(helper ? createApp(HelperApp, { token: helper }) : createApp(App)).mount('#app')
