const OWNER_KEY = /^owners\.(\d+)\.(.+)$/;

/**
 * The message key for a requirement (a field the platform asks for). vue-i18n reads dots as
 * nesting, so message keys use underscores, and every owner shares one set of words:
 * company.address.city → company_address_city, owners.2.first_name → owners_first_name.
 */
export const requirementMessageKey = (key: string) =>
  key.replace(OWNER_KEY, 'owners.$2').replace(/\./g, '_');

/** A requirement with no words of its own, readable: individual.id_number → "id number". */
export const humaniseRequirement = (key: string) =>
  (key.split('.').at(-1) ?? key).replace(/_/g, ' ').trim();
