// The participants' join page: a small app of its own, never the Slidev deck.
import { createApp } from 'vue'
import App from './App.vue'
import './join.css'

createApp(App).mount('#app')
