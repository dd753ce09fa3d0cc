/** Where the subgraphs answer: the manifest (@dash/manifest) is the one list of them. */
export {
  defaultSubgraphUrl,
  SUBGRAPHS,
  subgraphUrlVariable,
  type SubgraphName,
} from '@dash/manifest';
