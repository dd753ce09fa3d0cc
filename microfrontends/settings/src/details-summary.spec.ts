import { describe, expect, it } from 'vitest';
import { detailGroups, groupStatus, rowStatus, type DetailStep } from './details-summary.rules.js';

const field = (key: string, value: string | null, kind = 'text') => ({ key, kind, value });

const individual: DetailStep[] = [
  { key: 'business_type', fields: [field('business_type', 'individual', 'select')] },
  {
    key: 'business',
    fields: [
      field('business_profile.name', 'Jenny Rides'),
      field('business_profile.url', 'https://jenny.example', 'url'),
      field('business_profile.product_description', null),
    ],
  },
  {
    key: 'representative',
    fields: [
      field('individual.first_name', 'Jenny'),
      field('individual.last_name', 'Rosen'),
      field('individual.dob', '1990-04-12', 'date'),
      field('individual.address.line1', '510 Townsend St'),
      field('individual.address.line2', null),
      field('individual.address.city', 'San Francisco'),
      field('individual.address.state', 'CA'),
      field('individual.address.postal_code', '94103'),
      field('individual.id_number', '•••••6789', 'id_number'),
    ],
  },
  { key: 'bank', fields: [] },
  { key: 'review', fields: [] },
];

describe('the details as Settings groups them', () => {
  it('shows an individual as business details and personal details, an address as one line', () => {
    const groups = detailGroups(individual, 'individual');
    expect(groups.map((group) => [group.key, group.step])).toEqual([
      ['business', 'business'],
      ['person', 'representative'],
    ]);
    const person = groups[1]!.rows;
    expect(person.map((row) => [row.label, row.value])).toEqual([
      ['name', 'Jenny Rosen'],
      ['dob', '1990-04-12'],
      ['address', '510 Townsend St, San Francisco, CA, 94103'],
      ['idNumber', '•••••6789'],
    ]);
    expect(person.find((row) => row.label === 'address')?.keys).toContain(
      'individual.address.line2',
    );
    // What was not given is shown as such.
    expect(groups[0]!.rows.find((row) => row.label === 'productDescription')?.value).toBeNull();
  });

  it('shows a company’s representative, company details and each owner', () => {
    const company: DetailStep[] = [
      {
        key: 'representative',
        fields: [
          field('representative.first_name_kana', 'タロウ'),
          field('representative.last_name_kana', 'ヤマダ'),
          field('representative.first_name_kanji', '太郎'),
          field('representative.last_name_kanji', '山田'),
          field('representative.title', 'CEO'),
        ],
      },
      {
        key: 'company',
        fields: [
          field('company.name', 'Rocket Rides KK'),
          field('company.tax_id', '•••••0000', 'id_number'),
          field('company.address.line1', '1-1 Chiyoda'),
        ],
      },
      {
        key: 'owners',
        fields: [
          field('owners.3.first_name', 'Alan'),
          field('owners.3.last_name', 'Turing'),
          field('owners.3.percent_ownership', '30', 'percent'),
          field('owners.0.first_name', 'Ada'),
          field('owners.0.last_name', 'Lovelace'),
          field('owners.0.percent_ownership', '40', 'percent'),
          field('company.owners_provided', 'true', 'checkbox'),
        ],
      },
    ];
    const groups = detailGroups(company, 'company');
    expect(groups.map((group) => group.key)).toEqual(['representative', 'company', 'owners']);
    expect(groups[0]!.rows[0]).toMatchObject({ label: 'name', value: '山田 太郎 / ヤマダ タロウ' });
    expect(groups[1]!.rows.map((row) => row.label)).toEqual(['companyName', 'taxId', 'address']);
    expect(
      groups[2]!.rows.map((row) => [row.label, row.number ?? null, row.value, row.format]),
    ).toEqual([
      ['owner', 1, 'Ada Lovelace', 'text'],
      ['ownership', null, '40', 'percent'],
      ['owner', 2, 'Alan Turing', 'text'],
      ['ownership', null, '30', 'percent'],
      ['ownersProvided', null, 'true', 'yesNo'],
    ]);
  });
});

describe('what verification says', () => {
  const facts = (over: Partial<Parameters<typeof rowStatus>[1]> = {}) => ({
    currentlyDue: [],
    pendingVerification: [],
    errors: [],
    ...over,
  });
  const person = detailGroups(individual, 'individual')[1]!;

  it('marks a row being checked, or one that failed or is due', () => {
    const address = ['individual.address.line1', 'individual.address.city'];
    expect(rowStatus(address, facts({ pendingVerification: ['individual.address.line1'] }))).toBe(
      'pending',
    );
    expect(
      rowStatus(
        address,
        facts({
          currentlyDue: ['individual.address.line1'],
          errors: [{ requirement: 'individual.address.line1' }],
        }),
      ),
    ).toBe('attention');
    expect(rowStatus(address, facts())).toBe('none');
  });

  it('calls a submitted person verified when nothing is pending or due', () => {
    expect(groupStatus(person, facts(), true)).toBe('verified');
    expect(groupStatus(person, facts(), false)).toBe('none');
    expect(groupStatus(person, facts({ pendingVerification: ['individual.dob'] }), true)).toBe(
      'pending',
    );
    const business = detailGroups(individual, 'individual')[0]!;
    expect(groupStatus(business, facts(), true)).toBe('none');
  });
});
