/**
 * A phone number or email address as screens and logs show it: enough to recognize, not to
 * use ("•••• 42", "j•••@example.com"). Identity shows where a code went; notifications where
 * a message went.
 */
export function maskDestination(channel: 'sms' | 'email', destination: string): string {
  if (channel === 'sms') return `•••• ${destination.slice(-2)}`;
  const [local = '', domain = ''] = destination.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}
