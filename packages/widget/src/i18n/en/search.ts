export default {
  'search.label': 'Search help articles',
  'search.placeholder': 'Search for help…',
  'search.clear': 'Clear search',
  'search.results': '{count, plural, one {# article found} other {# articles found}}',
  'search.resultsList': 'Search results',
  'search.searching': 'Searching…',
  'search.prompt': 'Type a question or a few keywords.',
  'search.empty': 'No articles match “{query}”.',
  'search.emptyHint': 'Our team can help you directly.',
  'search.error': 'Search isn’t working right now.',
} as const;
