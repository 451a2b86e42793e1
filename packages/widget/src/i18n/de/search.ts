export default {
  'search.label': 'Hilfeartikel durchsuchen',
  'search.placeholder': 'Hilfe durchsuchen …',
  'search.clear': 'Suche leeren',
  'search.results': '{count, plural, one {# Artikel gefunden} other {# Artikel gefunden}}',
  'search.resultsList': 'Suchergebnisse',
  'search.searching': 'Suche läuft …',
  'search.prompt': 'Gib eine Frage oder ein paar Stichwörter ein.',
  'search.empty': 'Keine Artikel passen zu „{query}“.',
  'search.emptyHint': 'Unser Team hilft dir direkt weiter.',
  'search.error': 'Die Suche funktioniert gerade nicht.',
} as const;
