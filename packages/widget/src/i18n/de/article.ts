export default {
  'article.loading': 'Artikel wird geladen …',
  'article.error': 'Dieser Artikel konnte nicht geladen werden.',
  'article.helpful': 'War das hilfreich?',
  'article.yes': 'Ja',
  'article.no': 'Nein',
  'article.thanks': 'Danke für dein Feedback!',
  'article.voteError': 'Deine Bewertung konnte nicht gespeichert werden.',
  'article.related': 'Ähnliche Artikel',
  'article.updated': 'Aktualisiert am {date}',
  'article.stillNeedHelp': 'Brauchst du noch Hilfe?',
} as const;
