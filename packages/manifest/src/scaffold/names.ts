import { camelCaseName, FEATURE_NAME, serviceExportName, settingName } from '../derive.js';

/** A feature's name in each spelling the files it starts with use. */
export interface FeatureNames {
  /** gift-cards: folders, the subgraph, URLs. */
  name: string;
  /** GiftCards: classes and GraphQL types. */
  pascal: string;
  /** giftCards: fields and variables. */
  camel: string;
  /** gift_cards: tables and databases. */
  snake: string;
  /** giftCardsService: what the subgraph's package exports. */
  service: string;
  /** DASH_GIFT_CARDS: its settings' prefix. */
  settings: string;
}

export function featureNames(name: string): FeatureNames {
  if (!FEATURE_NAME.test(name))
    throw new Error(
      `"${name}" is not a feature name: lower-case words joined by hyphens (gift-cards)`,
    );
  const camel = camelCaseName(name);
  return {
    name,
    pascal: camel[0]!.toUpperCase() + camel.slice(1),
    camel,
    snake: name.replaceAll('-', '_'),
    service: serviceExportName(name),
    settings: settingName(name, '').slice(0, -1),
  };
}
