# Dispatch's Keycloak image: dispatch-keycloak:<DISPATCH_VERSION> (docker-compose.yml builds it).
#
# Keycloak 26.7.0 (the newest 26.x release found from here), pre-built for production (`kc.sh build`: PostgreSQL, health checks, served
# under /idp), plus what the upstream image lacks for our setup:
#   - curl, for a health check over TLS (the management interface inherits Keycloak's HTTPS
#     settings), installed the way Keycloak's container guide describes (a UBI 9 root file system);
#   - gosu (a static binary, taken from the pinned postgres image) so the entrypoint can start as
#     root, copy the secrets and the key for the keycloak user, then drop to that user;
#   - the realm export and the entrypoint (deploy/keycloak/).
# Build context: the repository root (deploy/keycloak.Dockerfile.dockerignore trims it).

ARG KEYCLOAK_IMAGE=quay.io/keycloak/keycloak:26.7.0
ARG POSTGRES_IMAGE=postgres:17.6-bookworm
ARG UBI_IMAGE=registry.access.redhat.com/ubi9/ubi:9.6

FROM ${UBI_IMAGE} AS tools
RUN mkdir -p /mnt/rootfs \
 && dnf install --installroot /mnt/rootfs curl --releasever 9 --setopt install_weak_deps=false \
      --nodocs -y \
 && dnf --installroot /mnt/rootfs clean all \
 && rpm --root /mnt/rootfs -e --nodeps setup

FROM ${POSTGRES_IMAGE} AS gosu

FROM ${KEYCLOAK_IMAGE} AS builder
# Build-time options (kc.sh build); the runtime must not change them (`start --optimized`).
ENV KC_DB=postgres \
    KC_HEALTH_ENABLED=true \
    KC_HTTP_RELATIVE_PATH=/idp \
    KC_HTTP_MANAGEMENT_RELATIVE_PATH=/
RUN /opt/keycloak/bin/kc.sh build

FROM ${KEYCLOAK_IMAGE}
COPY --from=tools /mnt/rootfs /
COPY --from=gosu /usr/local/bin/gosu /usr/local/bin/gosu
COPY --from=builder --chown=1000:0 /opt/keycloak/ /opt/keycloak/
ENV KC_DB=postgres \
    KC_HEALTH_ENABLED=true \
    KC_HTTP_RELATIVE_PATH=/idp \
    KC_HTTP_MANAGEMENT_RELATIVE_PATH=/
COPY deploy/keycloak/dispatch-realm.json /opt/dispatch/dispatch-realm.json
COPY deploy/keycloak/entrypoint.sh deploy/keycloak/create-user.sh /opt/dispatch/
USER root
RUN chmod 0755 /opt/dispatch/entrypoint.sh /opt/dispatch/create-user.sh \
 && chmod 0644 /opt/dispatch/dispatch-realm.json \
 && gosu --version
ENTRYPOINT ["/opt/dispatch/entrypoint.sh"]
CMD ["start", "--optimized", "--import-realm"]
