# syntax=docker/dockerfile:1
#
# One small runtime image per part of the dashboard, all built from this file:
#
#   docker build --target identity -t ghcr.io/express-dashboard/identity:dev .
#
# Targets: identity, ledger, payouts, disputes, notifications (the subgraphs; each runs as
# DASH_ROLE=api, worker or all, and migrates with `node services/<name>/dist/migrate.js`),
# gateway, shell and console. infra/docker-compose.yml builds and runs them all.
#
# No Docker engine runs where this project is developed and tested: the tests in
# infra/deploy/test/dockerfile.test.ts lint this file and check its rules (multi-stage, non-root,
# tini as PID 1, production dependencies only, a target per part), and the files each image holds
# are gathered by infra/deploy/docker/ship.mjs, which runs without Docker too.
#
# Every runtime image: /app laid out like the repository, owned by root and read-only to the
# `node` user it runs as; NODE_ENV=production; the part listening on all interfaces at its
# manifest port; a HEALTHCHECK on /health (Kubernetes probes /health and /ready instead).

# Node 22 LTS on Debian 12, pinned to a release so a rebuild does not change the runtime.
FROM node:22.23.3-bookworm-slim AS base
# tini forwards signals and reaps zombies, so node is never a bare PID 1 (Kubernetes has no --init).
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# The whole workspace with its dev dependencies, built once for every target.
FROM base AS build
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
RUN npx turbo run build --output-logs=errors-only

# Each part's files: its production dependencies and the built workspaces it imports.
FROM build AS identity-files
RUN --mount=type=cache,target=/root/.npm node infra/deploy/docker/ship.mjs @dash/identity /ship

FROM build AS ledger-files
RUN --mount=type=cache,target=/root/.npm node infra/deploy/docker/ship.mjs @dash/ledger /ship

FROM build AS payouts-files
RUN --mount=type=cache,target=/root/.npm node infra/deploy/docker/ship.mjs @dash/payouts /ship

FROM build AS disputes-files
RUN --mount=type=cache,target=/root/.npm node infra/deploy/docker/ship.mjs @dash/disputes /ship

FROM build AS notifications-files
RUN --mount=type=cache,target=/root/.npm node infra/deploy/docker/ship.mjs @dash/notifications /ship

FROM build AS gateway-files
RUN --mount=type=cache,target=/root/.npm node infra/deploy/docker/ship.mjs @dash/gateway /ship

# The shell serves the micro-frontends' builds, which it does not import: they ship beside it.
FROM build AS shell-files
RUN --mount=type=cache,target=/root/.npm node infra/deploy/docker/ship.mjs @dash/shell /ship microfrontends/*

FROM build AS console-files
RUN --mount=type=cache,target=/root/.npm node infra/deploy/docker/ship.mjs @dash/console /ship

# What every runtime image shares.
FROM base AS runtime
# Tracing must patch modules before the part imports them, so it loads first; it does nothing
# until OTEL_EXPORTER_OTLP_ENDPOINT is set.
ENV NODE_ENV=production \
    NODE_OPTIONS="--import @dash/telemetry/register"
# `node` is uid 1000 in the node images; Kubernetes' runAsNonRoot cannot check a user by name, so
# a pod says runAsUser: 1000.
USER node
ENTRYPOINT ["tini", "--"]

# What every subgraph image shares: its heap caps (SUBGRAPH_NODE_ARGS in packages/manifest says
# why these sizes). They ride in NODE_OPTIONS, not on the command line, because a command-line
# flag wins over NODE_OPTIONS: a deployment that sizes the heap to its own memory limit (the
# Kubernetes manifests set NODE_OPTIONS per container) would otherwise silently get these.
FROM runtime AS subgraph-runtime
ENV NODE_OPTIONS="--import @dash/telemetry/register --max-old-space-size=104 --max-semi-space-size=8"

FROM subgraph-runtime AS identity
COPY --from=identity-files /ship/ ./
ENV DASH_IDENTITY_HOST=0.0.0.0
EXPOSE 4001
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.DASH_IDENTITY_PORT||4001)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "services/identity/dist/main.js"]

FROM subgraph-runtime AS ledger
COPY --from=ledger-files /ship/ ./
ENV DASH_LEDGER_HOST=0.0.0.0
EXPOSE 4002
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.DASH_LEDGER_PORT||4002)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "services/ledger/dist/main.js"]

FROM subgraph-runtime AS payouts
COPY --from=payouts-files /ship/ ./
ENV DASH_PAYOUTS_HOST=0.0.0.0
EXPOSE 4003
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.DASH_PAYOUTS_PORT||4003)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "services/payouts/dist/main.js"]

FROM subgraph-runtime AS disputes
COPY --from=disputes-files /ship/ ./
ENV DASH_DISPUTES_HOST=0.0.0.0
EXPOSE 4004
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.DASH_DISPUTES_PORT||4004)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "services/disputes/dist/main.js"]

FROM subgraph-runtime AS notifications
COPY --from=notifications-files /ship/ ./
ENV DASH_NOTIFICATIONS_HOST=0.0.0.0
EXPOSE 4005
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.DASH_NOTIFICATIONS_PORT||4005)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "services/notifications/dist/main.js"]

FROM runtime AS gateway
COPY --from=gateway-files /ship/ ./
ENV DASH_GATEWAY_HOST=0.0.0.0
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.DASH_GATEWAY_PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "gateway/dist/main.js"]

FROM runtime AS shell
COPY --from=shell-files /ship/ ./
ENV DASH_SHELL_HOST=0.0.0.0
EXPOSE 9000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.DASH_SHELL_PORT||9000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "shell/dist/server/main.js"]

FROM runtime AS console
COPY --from=console-files /ship/ ./
ENV DASH_CONSOLE_HOST=0.0.0.0
EXPOSE 4080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.DASH_CONSOLE_PORT||4080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "infra/console/dist/main.js"]
