import type { DomainEventData, SubscribedType } from '@dash/events';
import { FIELD_LABELS, TEXTS, type FieldLabel } from '../texts/texts.js';
import { formatsIn, type Formats, type Locale } from './formats.rules.js';

/**
 * What the hub shows: every event notifications hears of but those only platforms are told of
 * (a charge is already in the payments list; the balance card shows what became available) and
 * a platform's own changes (its branding, kept for emails).
 */
export type ActivityKind = Exclude<
  SubscribedType<'notifications'>,
  'charge.succeeded' | 'charge.failed' | 'balance.available' | 'platform.updated'
>;

/** What an item keeps of its event: the facts its texts are made from, in any language. */
export type ActivityParams = DomainEventData[ActivityKind];

export interface ActivityText {
  title: string;
  body: string;
}

/** Other names for the same detail: the API's, onboarding's and the settings' spellings. */
const SAME_AS: Readonly<Record<string, FieldLabel>> = {
  business_type: 'businessType',
  'business_profile.name': 'businessProfile.name',
  'business_profile.url': 'businessProfile.url',
  'business_profile.support_email': 'businessProfile.supportEmail',
  'tos_acceptance.date': 'tos_acceptance',
  'tos_acceptance.ip': 'tos_acceptance',
  'person.email': 'email',
  'person.phone': 'phone',
};

/**
 * An onboarding answer by what it is, so a change reads as the account thinks of it:
 * individual.address.city → an address, representative.first_name_kana → a legal name, any
 * owner's detail → the owners.
 */
function detailLabelKey(field: string): string {
  if (field.startsWith('owners.') || field === 'company.owners_provided') return 'owners';
  if (field.startsWith('company.address.')) return 'company.address';
  const part = /^(?:individual|representative)\.(.+)$/.exec(field)?.[1];
  if (!part) return field;
  if (/^(first|last)_name(_kana|_kanji)?$/.test(part)) return 'person.legal_name';
  return part.startsWith('address.') ? 'person.address' : `person.${part}`;
}

const isLabel = (key: string): key is FieldLabel =>
  (FIELD_LABELS as readonly string[]).includes(key);

function labelOf(field: string): FieldLabel | null {
  for (const key of [field, detailLabelKey(field)]) {
    if (isLabel(key)) return key;
    if (Object.hasOwn(SAME_AS, key)) return SAME_AS[key]!;
  }
  return null;
}

/** A requirement key read aloud, for one no language names yet: individual.id_number → "id number". */
const humanize = (key: string) => key.split('.').pop()!.replace(/_/g, ' ');

/** The fields, each named once, as one phrase in the reader's language. */
export function describeFields(fields: string[], locale: Locale = 'en'): string {
  const names = TEXTS[locale].fields;
  const labels = fields.map((field) => {
    const label = labelOf(field);
    return label ? names[label] : humanize(field);
  });
  return formatsIn(locale).list([...new Set(labels)]);
}

type OneTextKind = Exclude<ActivityKind, 'account.updated'>;

const isActivityKind = (kind: string): kind is ActivityKind =>
  kind === 'account.updated' || Object.hasOwn(TEXTS.en.activity, kind);

/**
 * The texts of an item of `kind` with `params`, in `locale`: made when the item is read, in the
 * reader's language, from the facts it keeps. An account.updated item names changed details,
 * or (with `requirements`) what identity now asks for, or (with `intervention`) a risk
 * intervention placed or lifted.
 */
export function activityText<Kind extends ActivityKind>(
  kind: Kind,
  params: DomainEventData[Kind],
  locale: Locale,
): ActivityText {
  const texts = TEXTS[locale];
  const formats = formatsIn(locale);
  if (kind === 'account.updated') {
    const { fields, by, requirements, intervention, interventions } =
      params as DomainEventData['account.updated'];
    if (intervention) return texts.intervention(intervention, interventions, formats);
    return requirements
      ? texts.requirements(requirements, describeFields(requirements.currentlyDue, locale), formats)
      : texts.detailsChanged(by, describeFields(fields, locale));
  }
  const text = texts.activity[kind as OneTextKind] as (
    p: DomainEventData[Kind],
    f: Formats,
  ) => ActivityText;
  return text(params, formats);
}

/**
 * An item as the reader reads it: rendered from its facts in the reader's language, or as it
 * was written (in English) when it was kept before items kept their facts.
 */
export function readActivity(
  item: { kind: string; params: ActivityParams | null; title: string; body: string },
  locale: Locale,
): ActivityText {
  if (!item.params || !isActivityKind(item.kind)) return { title: item.title, body: item.body };
  return activityText(item.kind, item.params as never, locale);
}
