import { defineConfig } from 'vite';
import { libraryConfig } from '../../scripts/vite-shared.ts';

export default defineConfig(libraryConfig({ entry: { index: 'src/index.ts' } }));
