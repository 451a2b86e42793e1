/** Canned replies for demos: enough to show typing, a reply and unread badges without a human. */
export function defaultAutoReply(agentName: string): (text: string) => string | null {
  let replies = 0;
  return (text) => {
    replies += 1;
    if (replies > 1) return 'Thanks, that helps. I am checking this now and will update you here.';
    const billing = /invoice|bill|refund|charge|payment|card|plan/i.test(text);
    return billing
      ? `Hi, ${agentName} here. I can see your account details; let me look at that billing question for you.`
      : `Hi, ${agentName} here. Thanks for the details, I can see the page you were on. Give me a moment to look into it.`;
  };
}
