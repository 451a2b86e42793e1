export default {
  'preview.open': 'Antwort von {name} öffnen',
  'preview.dismiss': 'Ausblenden',
  'preview.said': '{name} hat geantwortet: {text}',
  'preview.support': 'Support',
} as const;
