# One image for the four services; the command picks one, e.g.
#   docker run newsfeed:0.1.0 node dist/apps/ingestor/src/main.js
# Migrations: node dist/libs/database/src/cli/migrate.js

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY libs ./libs
COPY apps ./apps
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
# package.json holds the "#config"-style import map the compiled code resolves at run time.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/apps ./dist/apps
COPY --from=build /app/dist/libs ./dist/libs
# The classifier reads its models from <repo root>/apps/classifier/models.
COPY --from=build /app/apps/classifier/models ./apps/classifier/models
# The "node" user of the base image, numeric so Kubernetes can enforce runAsNonRoot.
USER 1000:1000
EXPOSE 3000 3001 3002 3003
# Every service listens on $PORT; compose and k8s set it explicitly (no curl in the slim image).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
