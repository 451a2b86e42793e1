import { defineConfig } from 'vite';
import { libraryConfig } from '../../scripts/vite-shared.ts';

// ES library build: each view, the article sanitizer and every non-English locale stay separate
// chunks behind their dynamic imports, so the entry chunk is only the shell and launcher. `home` is
// the subpath that bundles the home view eagerly (the script-tag build uses it).
export default defineConfig(libraryConfig({ entry: { index: 'src/index.ts', home: 'src/home/index.ts' }, jsx: true }));
