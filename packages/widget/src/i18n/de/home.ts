export default {
  'home.greeting': 'Hallo! Wie können wir helfen?',
  'home.online': 'Wir sind online',
  'home.replyTime':
    '{minutes, plural, one {Antwortet meist innerhalb von # Minute} other {Antwortet meist innerhalb von # Minuten}}',
  'home.away': 'Wir sind gerade nicht da',
  'home.offline': 'Wir sind gerade offline',
  'home.backAt': 'Zurück {when}',
  'home.suggestions': 'Vorschläge für diese Seite',
  'home.tips': 'Tipps für diese Seite',
  'home.searchLabel': 'Hilfeartikel durchsuchen',
  'home.searchPlaceholder': 'Hilfe durchsuchen …',
  'home.contact': 'Kontakt',
  'home.recent': 'Letzte Unterhaltungen',
  'home.allConversations': 'Alle Unterhaltungen',
  'home.conversation': 'Unterhaltung',
} as const;
