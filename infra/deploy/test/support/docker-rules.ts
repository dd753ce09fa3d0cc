import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  DockerfileParser,
  type Env,
  type Instruction,
  type JSONInstruction,
  type ModifiableInstruction,
} from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { packageOf, PARTS, REPO_ROOT, TRACING_PRELOAD, type Part } from './docker-parts.js';

export interface Stage {
  name: string;
  /** The stage or image it starts from. */
  from: string;
  instructions: Instruction[];
}

const SHIP_SCRIPT = 'infra/deploy/docker/ship.mjs';

/** Names that say "this holds a secret": such values never belong in an image's layers. */
export const SECRET_NAME =
  /(SECRET|PASSWORD|PASSWD|TOKEN|AUTH|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|_KEYS?$)/i;
/** Values shaped like a credential whatever their name. */
export const SECRET_VALUE =
  /(sk_(live|test)_|-----BEGIN|[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{32,})/;

/** V8's heap sizing flags: an image leaves them to NODE_OPTIONS, which a deployment may replace. */
export const V8_HEAP_FLAG = /^--(max-old-space-size|max-semi-space-size|max-heap-size)=/;

/** Images whose release is pinned: `node:22.23.3-bookworm-slim` (or by digest). */
const PINNED_NODE = /^node:(\d+)\.\d+\.\d+-[a-z0-9.-]+$/;

const lineOf = (instruction: Instruction) => instruction.getRange().start.line + 1;

export function parseStages(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image = '', as, name] = instruction.getArguments().map((a) => a.getValue());
      stages.push({
        name: as?.toUpperCase() === 'AS' && name ? name : `#${stages.length}`,
        from: image,
        instructions: [],
      });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** A stage and every stage it is built on, the root first. */
export function lineage(stages: Stage[], name: string): Stage[] {
  const chain: Stage[] = [];
  let current = stages.find((stage) => stage.name === name);
  while (current) {
    chain.unshift(current);
    const parent = current.from;
    current = stages.find((stage) => stage.name === parent && !chain.includes(stage));
  }
  return chain;
}

const instructionsOf = (chain: Stage[], keyword: string) =>
  chain.flatMap((stage) => stage.instructions.filter((i) => i.getKeyword() === keyword));

const jsonOf = (instruction: Instruction | undefined) =>
  instruction ? (instruction as JSONInstruction).getJSONStrings().map((s) => s.getJSONValue()) : [];

const wordsOf = (instruction: Instruction) => instruction.getArguments().map((a) => a.getValue());

const flagOf = (instruction: Instruction, name: string) =>
  (instruction as ModifiableInstruction)
    .getFlags?.()
    .find((flag) => flag.getName() === name)
    ?.getValue() ?? undefined;

/** Every ENV the image of `target` sets, later ones winning (what its processes start with). */
export function imageEnv(stages: Stage[], target: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of instructionsOf(lineage(stages, target), 'ENV'))
    for (const property of (instruction as Env).getProperties())
      env[property.getName()] = property.getValue() ?? '';
  return env;
}

/** The command the image of `target` starts (its last CMD, exec form). */
export const imageCommand = (stages: Stage[], target: string): string[] =>
  jsonOf(instructionsOf(lineage(stages, target), 'CMD').at(-1));

const installsPackages = (words: string[]) =>
  /\b(npm (ci|install|i|add)|yarn|pnpm)\b/.test(words.join(' '));

function partProblems(stages: Stage[], part: Part): string[] {
  const problems: string[] = [];
  const say = (message: string) => problems.push(`${part.name}: ${message}`);
  const chain = lineage(stages, part.name);
  if (chain.length === 0) return [`${part.name}: no target of that name`];

  const root = chain[0]!;
  const pinned = PINNED_NODE.exec(root.from);
  if (!pinned) say(`base image ${root.from} is not a pinned node release (node:<x.y.z>-<distro>)`);
  else if (Number(pinned[1]) % 2 !== 0 || Number(pinned[1]) < 22)
    say(`base image ${root.from} is not a supported LTS line of Node`);

  const user = instructionsOf(chain, 'USER').at(-1);
  const userName = user ? wordsOf(user)[0]!.split(':')[0]! : 'root';
  if (['root', '0'].includes(userName)) say('runs as root (no USER, or USER root)');

  const entrypoint = jsonOf(instructionsOf(chain, 'ENTRYPOINT').at(-1));
  if (!/(^|\/)(tini|dumb-init)$/.test(entrypoint[0] ?? ''))
    say(`PID 1 is ${entrypoint[0] ?? 'the CMD itself'}, not an init (tini or dumb-init)`);

  const cmd = imageCommand(stages, part.name);
  const expectedCmd = ['node', part.main].join(' ');
  if (cmd.some((word) => V8_HEAP_FLAG.test(word)))
    say("CMD sizes the heap on the command line, where it overrides a deployment's NODE_OPTIONS");
  else if (cmd.join(' ') !== expectedCmd) say(`CMD is "${cmd.join(' ')}", not "${expectedCmd}"`);

  const exposed = instructionsOf(chain, 'EXPOSE').flatMap(wordsOf);
  if (!exposed.includes(String(part.port))) say(`does not EXPOSE its port ${part.port}`);

  if (instructionsOf(chain, 'HEALTHCHECK').length === 0) say('has no HEALTHCHECK');

  const env = imageEnv(stages, part.name);
  if (env.NODE_ENV !== 'production') say('does not set NODE_ENV=production');
  const nodeOptions = env.NODE_OPTIONS ?? '';
  if (!nodeOptions.startsWith(TRACING_PRELOAD))
    say(`NODE_OPTIONS does not start with the tracing preload (${TRACING_PRELOAD})`);
  for (const option of part.heapOptions ?? [])
    if (!nodeOptions.split(/\s+/).includes(option)) say(`NODE_OPTIONS lacks ${option}`);
  if (env[`${part.setting}_HOST`] !== '0.0.0.0')
    say(`does not listen beyond loopback (${part.setting}_HOST=0.0.0.0)`);

  // The runtime stages receive files; they never install anything (dev dependencies included).
  for (const run of instructionsOf(chain, 'RUN'))
    if (installsPackages(wordsOf(run))) say(`line ${lineOf(run)} installs packages at run time`);

  const copiesFrom = instructionsOf(chain, 'COPY')
    .map((copy) => flagOf(copy, 'from'))
    .filter((from): from is string => Boolean(from));
  if (copiesFrom.length === 0) say('copies no files from a build stage');
  for (const from of copiesFrom) {
    const ship = stages
      .find((stage) => stage.name === from)
      ?.instructions.filter((i) => i.getKeyword() === 'RUN')
      .map(wordsOf)
      .find((words) => words.includes(SHIP_SCRIPT));
    const shipped = ship?.[ship.indexOf(SHIP_SCRIPT) + 1];
    if (shipped !== packageOf(part))
      say(`copies from ${from}, which does not ship ${packageOf(part)} with ${SHIP_SCRIPT}`);
  }
  return problems;
}

function fileProblems(stages: Stage[]): string[] {
  const problems: string[] = [];
  const defined = new Set<string>();
  for (const stage of stages) {
    if (!stage.from.includes(':') && !stage.from.includes('@') && !defined.has(stage.from))
      problems.push(`FROM ${stage.from}: neither a stage above nor a pinned image`);
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      const at = `line ${lineOf(instruction)}`;
      if (keyword === 'ENV' || keyword === 'ARG') {
        const properties =
          keyword === 'ENV'
            ? (instruction as Env).getProperties().map((p) => [p.getName(), p.getValue() ?? ''])
            : wordsOf(instruction).map((word) => [word.split('=')[0]!, word.split('=')[1] ?? '']);
        for (const [name, value] of properties) {
          if (SECRET_NAME.test(name!) || SECRET_VALUE.test(value!))
            problems.push(`${at}: ${keyword} ${name} bakes a secret into the image`);
        }
      }
      if (keyword === 'COPY' || keyword === 'ADD') {
        const from = flagOf(instruction, 'from');
        if (from !== undefined) {
          if (!defined.has(from)) problems.push(`${at}: COPY --from=${from} names no stage above`);
        } else {
          for (const source of wordsOf(instruction).slice(0, -1))
            if (!existsSync(join(REPO_ROOT, source)))
              problems.push(`${at}: ${keyword} source ${source} is not in the repository`);
        }
      }
      if (keyword === 'RUN') {
        const words = wordsOf(instruction);
        const script = words[words.indexOf('node') + 1];
        if (words.includes('node') && script?.includes('/') && !existsSync(join(REPO_ROOT, script)))
          problems.push(`${at}: RUN node ${script}: no such file in the repository`);
      }
    }
    defined.add(stage.name);
  }
  return problems;
}

/**
 * What is wrong with a Dockerfile, as sentences: its linter's findings, then our rules (several
 * stages, a target per part that runs as non-root under an init with production files only, no
 * secrets in ENV or ARG, every COPY source and script in the repository).
 */
export function dockerfileProblems(text: string, parts: readonly Part[] = PARTS): string[] {
  const lint = validate(text).map(
    (diagnostic) => `line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`,
  );
  const stages = parseStages(text);
  const structure = stages.length < 2 ? ['not multi-stage: one FROM only'] : [];
  return [
    ...lint,
    ...structure,
    ...fileProblems(stages),
    ...parts.flatMap((part) => partProblems(stages, part)),
  ];
}
