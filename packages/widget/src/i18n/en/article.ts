export default {
  'article.loading': 'Loading article…',
  'article.error': 'This article couldn’t be loaded.',
  'article.helpful': 'Was this helpful?',
  'article.yes': 'Yes',
  'article.no': 'No',
  'article.thanks': 'Thanks for your feedback!',
  'article.voteError': 'Your vote couldn’t be saved.',
  'article.related': 'Related articles',
  'article.updated': 'Updated {date}',
  'article.stillNeedHelp': 'Still need help?',
} as const;
