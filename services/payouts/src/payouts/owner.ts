/** The account something is done for, as the directory vouched for it. */
export interface AccountOwner {
  accountId: string;
  platformId: string;
  livemode: boolean;
}

export const subjectOf = (owner: AccountOwner) => ({
  accountId: owner.accountId,
  platformId: owner.platformId,
  livemode: owner.livemode,
});
