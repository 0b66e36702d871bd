#!/usr/bin/env bash
# Builds a container base image from this machine's own JDK, for when no registry can be reached (CI
# here reaches Maven Central, Debian and npm, not Docker Hub): a Java runtime made with jlink, the shared
# libraries it loads (glibc, zlib, the resolver), a passwd with the user the image runs as, nothing else.
# Written as a Docker image archive that Jib takes as `tar://` base:
#   .ci/container-base-image.sh target/container-base.tar
#   ./mvnw package jib:buildTar -DskipTests -Djib.from.image=tar://$PWD/target/container-base.tar
# The production image builds on eclipse-temurin (see the pom); this one is for building and checking
# the image offline, and for a smoke run of it with chroot.
set -euo pipefail
out=$(realpath -m "${1:?usage: $0 OUTPUT.tar}")
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

"$jdk/bin/jlink" --output "$root/opt/java" --strip-debug --no-man-pages --no-header-files --compress=2 \
    --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.jfr,jdk.naming.dns,jdk.zipfs,jdk.localedata
# Debian's JDK links its CA certificates from /etc: the image carries the file itself.
rm -f "$root/opt/java/lib/security/cacerts"
cp -L "$jdk/lib/security/cacerts" "$root/opt/java/lib/security/cacerts"

# Every shared library the runtime's programs and libraries load, at the path the loader expects, and the
# resolver's modules, which glibc loads by name at run time (host names like "db" in compose).
{
    find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
        | grep -oE '(/[^ ]+\.so[^ ]*)' || true
    for module in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
        ldconfig -p | awk -v m="$module" '$1 == m { print $NF; exit }'
    done
} | grep -v "^$root/" | sort -u | while read -r lib; do
    cp -L --parents "$lib" "$root"
done

mkdir -p "$root/etc" "$root/tmp" "$root/data" "$root/proc"
chmod 1777 "$root/tmp"
chmod 0777 "$root/data"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000:Personnel Events:/data:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\napp:x:1000:\n' >"$root/etc/group"
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"

# The archive: one layer, its config, and the manifest Docker's `save` writes.
(cd "$root" && tar --numeric-owner --owner=0 --group=0 --sort=name --mtime='2000-01-01' -cf "$work/layer.tar" *)
layer_sha=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
mkdir -p "$work/image/$layer_sha"
mv "$work/layer.tar" "$work/image/$layer_sha/layer.tar"
arch=$(dpkg --print-architecture 2>/dev/null || uname -m | sed 's/x86_64/amd64/; s/aarch64/arm64/')
cat >"$work/config.json" <<JSON
{"architecture":"$arch","os":"linux",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},
 "history":[{"created_by":".ci/container-base-image.sh: jlink runtime of $("$jdk/bin/java" -version 2>&1 | head -1 | tr -d '"')"}]}
JSON
config_sha=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/image/$config_sha.json"
printf '[{"Config":"%s.json","RepoTags":["personnel-events-base:local"],"Layers":["%s/layer.tar"]}]\n' \
    "$config_sha" "$layer_sha" >"$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
(cd "$work/image" && tar -cf "$out" manifest.json "$config_sha.json" "$layer_sha")
echo "$out: $(du -h "$out" | cut -f1)" >&2
