/**
 * Where to reach an account's holder, asked of identity by the notifications service when an
 * email is due: `POST <identity origin>/internal/account-contact` with `{ accountId }`. Events
 * never carry contact details, so they are read at the time of sending.
 */
export const ACCOUNT_CONTACT_PATH = '/internal/account-contact';

export interface AccountContact {
  email: string;
  phone: string | null;
  displayName: string | null;
}
