#!/usr/bin/env bash
# Makes the runtime layer of the newsdelta image without a Docker engine or a registry: a JRE jlink'ed from the
# JDK that runs the build, the shared libraries it and the native libraries in the jars (RocksDB, zstd, snappy,
# lz4) load, CA certificates, /etc/passwd and an empty /tmp. Jib puts the result on top of `scratch`.
# Usage: runtime.sh JAVA_HOME OUT_DIR [CONFIG_FILE]   (CONFIG_FILE goes to /etc/newsdelta/newsdelta.yml)
set -euo pipefail
java_home=$1
out=$2
config=${3:-}
jre=$out/opt/java
# The modules newsdelta needs (jdeps --print-module-deps over app/target/lib, plus what reflection and
# service loading need at run time: DNS naming, EC/zip providers, JMX for Micrometer's JVM metrics, the JDK
# HTTP server of /metrics and /health; ImageIT found it missing once).
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp" "$out/etc" "$out/var/lib/newsdelta"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$jre"

# The JDK's own CA store may be a link into the build host's /etc (Debian's is): copy the real file.
ca=$(readlink -f "$java_home/lib/security/cacerts" || true)
if [ -f "$ca" ]; then rm -f "$jre/lib/security/cacerts"; cp "$ca" "$jre/lib/security/cacerts"; fi

copy_lib() { # copies a library (and the file a symlink names) to the same path under $out
  local lib=$1 real
  [ -e "$out$lib" ] && return 0
  real=$(readlink -f "$lib")
  mkdir -p "$out$(dirname "$lib")"
  cp "$real" "$out$lib"
}
# Each dependency ldd resolves outside the JRE itself, and the dynamic loader (ld-linux, the line with no "=>").
deps_of() { ldd "$1" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -v "^$out/" || true; }

# Native libraries the jars unpack to /tmp at run time need the C++ runtime and glibc's companions too.
libdir=$(dirname "$(ldd "$java_home/lib/server/libjvm.so" | awk '/libc.so/ {print $3}')")
extra=("$libdir"/libstdc++.so.6 "$libdir"/libgcc_s.so.1 "$libdir"/libm.so.6 "$libdir"/libpthread.so.0
       "$libdir"/librt.so.1 "$libdir"/libdl.so.2 "$libdir"/libz.so.1 "$libdir"/libc.so.6)
for lib in "${extra[@]}"; do [ -e "$lib" ] && copy_lib "$lib"; done
while IFS= read -r elf; do
  for dep in $(deps_of "$elf"); do copy_lib "$dep"; done
# java.desktop's native parts (AWT, fonts, sound, images) are never loaded by this headless server (only its
# java.beans classes are used): their X11, font and sound libraries stay out of the image.
done < <(find "$jre" -type f \( -name '*.so' -o -path '*/bin/*' \) ! -name 'lib*awt*' ! -name 'libsplashscreen.so' \
  ! -name 'libfontmanager.so' ! -name 'libjsound.so' ! -name 'liblcms.so' ! -name 'libmlib_image.so' ! -name 'libjavajpeg.so')
for lib in "${extra[@]}"; do [ -e "$lib" ] && for dep in $(deps_of "$lib"); do copy_lib "$dep"; done; done

printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$out/etc/group"
mkdir -p "$out/root"
if [ -n "$config" ]; then mkdir -p "$out/etc/newsdelta"; cp "$config" "$out/etc/newsdelta/newsdelta.yml"; fi
echo "runtime layer in $out: $(du -sh "$out" | cut -f1)"
