interface ImportMetaEnv {
  readonly VITE_HELPLINE_URL?: string;
  readonly VITE_HELPLINE_KEY?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
