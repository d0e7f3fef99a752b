// Fonts ship with the kit (no font CDN at presentation time): Atkinson Hyperlegible was
// designed for legibility on projectors and for low-vision readers.
import '@fontsource/atkinson-hyperlegible/400.css'
import '@fontsource/atkinson-hyperlegible/400-italic.css'
import '@fontsource/atkinson-hyperlegible/700.css'
import '@fontsource/fira-code/400.css'
import './kit.css'
import './boards.css'
import './notes.css'
