#!/usr/bin/env bash
# Checks the container image tarball Jib built (OCI layout): its config (entrypoint, user, port, volume),
# then, as root, runs it as a container would without a container engine: its layers unpacked into a
# root file system, /proc mounted in a mount namespace of its own, the entrypoint started in a chroot as
# the image's user, and the image's own health probe asked until the service is ready.
#   .ci/check-image.sh target/personnel-events-image.tar
set -euo pipefail
image=$(realpath "${1:?usage: $0 IMAGE.tar}")
work=$(mktemp -d)
cleanup() {
    # The service runs in a process group of its own: ending the group ends unshare, chroot and java alike
    # (unshare ignores SIGTERM while it waits, and the user change of chroot clears --kill-child's signal).
    if [ -n "${service:-}" ]; then
        kill -KILL -- "-$service" 2>/dev/null || true
        wait "$service" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
tar -xf "$image" -C "$work"

read -r config layers < <(python3 - "$work" <<'PY'
import json, sys, os
root = sys.argv[1]
def blob(digest):
    return os.path.join(root, "blobs", *digest.split(":"))
index = json.load(open(os.path.join(root, "index.json")))
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
print(blob(manifest["config"]["digest"]), ",".join(blob(l["digest"]) for l in manifest["layers"]))
PY
)
python3 - "$config" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))["config"]
problems = []
entrypoint = config.get("Entrypoint") or []
if entrypoint[:1] != ["java"] or entrypoint[-1:] != ["com.personnelevents.Application"]:
    problems.append(f"entrypoint {entrypoint}")
if config.get("User") != "1000:1000":
    problems.append(f"user {config.get('User')!r} (must not be root)")
if "8080/tcp" not in (config.get("ExposedPorts") or {}):
    problems.append(f"exposed ports {config.get('ExposedPorts')}")
if "/data" not in (config.get("Volumes") or {}):
    problems.append(f"volumes {config.get('Volumes')}")
if "PERSONNEL_EVENTS_DATA_DIR=/data" not in (config.get("Env") or []):
    problems.append("PERSONNEL_EVENTS_DATA_DIR is not /data")
if problems:
    sys.exit("image config: " + "; ".join(problems))
print("image config: entrypoint " + " ".join(entrypoint) + ", user " + config["User"]
      + ", port 8080/tcp, volume /data", file=sys.stderr)
PY

if [ "${IMAGE_SMOKE:-run}" = skip ]; then
    echo "IMAGE_SMOKE=skip: the image's config was checked, the image was not run" >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null; then
    echo "running the image needs root (mount namespaces, chroot); IMAGE_SMOKE=skip checks the config only" >&2
    exit 1
fi
root=$work/rootfs
mkdir -p "$root"
for layer in ${layers//,/ }; do
    tar --warning=no-unknown-keyword -xzf "$layer" -C "$root"
done
mkdir -p "$root/proc"
touch "$root/etc/hosts" "$root/etc/resolv.conf"
mapfile -t environment < <(python3 -c "import json,sys; print('\n'.join(json.load(open(sys.argv[1]))['config']['Env']))" "$config")
mapfile -t entrypoint < <(python3 -c "import json,sys; print('\n'.join(json.load(open(sys.argv[1]))['config']['Entrypoint']))" "$config")
port=18080
# The image has no shell: the command runs as it is, with the image's environment and nothing else; what a
# container engine provides is mounted: /proc, and the host's /etc/hosts and /etc/resolv.conf.
chroot_bin=$(command -v chroot)
in_container() {
    unshare -m --fork -- sh -c 'mount -t proc proc "$0/proc" && mount --bind /etc/hosts "$0/etc/hosts" \
        && mount --bind /etc/resolv.conf "$0/etc/resolv.conf" && exec "$@"' "$root" \
        env -i "${environment[@]}" PORT=$port "$chroot_bin" --userspec=1000:1000 "$root" "$@"
}
if (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "port $port is already in use: a service there would answer the probe instead of the image" >&2
    exit 1
fi
# The embedded database in the /data volume, the port moved off 8080 (which the host may use). Started
# without a subshell, and by setsid in a process group of its own, whose id is $!.
setsid unshare -m --fork -- sh -c 'mount -t proc proc "$0/proc" && mount --bind /etc/hosts "$0/etc/hosts" \
    && mount --bind /etc/resolv.conf "$0/etc/resolv.conf" && exec "$@"' "$root" \
    env -i "${environment[@]}" PORT=$port "$chroot_bin" --userspec=1000:1000 "$root" "${entrypoint[@]}" \
    --server.port=$port >"$work/service.log" 2>&1 &
service=$!
for _ in $(seq 1 120); do
    if in_container java -cp @/app/jib-classpath-file com.personnelevents.web.HealthProbe $port 2>/dev/null; then
        echo "image smoke run: ready on port $port as user 1000, health probe exit 0" >&2
        exit 0
    fi
    kill -0 "$service" 2>/dev/null || break
    sleep 1
done
echo "the image did not become ready; its output:" >&2
tail -40 "$work/service.log" >&2
exit 1
