# Sourced by ./mvnw before Maven starts. Baeum's build (Spring Boot 4, Vaadin 25's Maven plugin, which runs
# inside Maven's own JVM) needs a JDK 21 or newer. If JAVA_HOME, or the `java` on PATH, is older, look for an
# installed JDK 21+ and use it; if there is none, stop with one line that says what to install.

baeum_java_major() {
  # prints the major version of the JDK at $1 (0 if it is not a JDK)
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || { echo 0; return; }
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[."].*/\1/p;s/.*version "\([0-9]*\)"$/\1/p' | head -n 1 | grep . || echo 0
}

baeum_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(baeum_java_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  if [ -z "${JAVA_HOME-}" ] && command -v javac >/dev/null 2>&1; then
    _baeum_path_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)" 2>/dev/null || command -v javac)")")
    if [ "$(baeum_java_major "$_baeum_path_home")" -ge 21 ]; then
      return 0
    fi
  fi
  _baeum_best=""
  _baeum_best_major=0
  case $- in *f*) _baeum_noglob=1; set +f ;; *) _baeum_noglob=0 ;; esac
  for _baeum_dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "${HOME-}"/.sdkman/candidates/java/* \
      "${HOME-}"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$_baeum_dir" ] || continue
    _baeum_major=$(baeum_java_major "$_baeum_dir")
    if [ "$_baeum_major" -ge 21 ] && [ "$_baeum_major" -gt "$_baeum_best_major" ]; then
      _baeum_best="$_baeum_dir"
      _baeum_best_major=$_baeum_major
    fi
  done
  [ "$_baeum_noglob" = 1 ] && set -f
  if [ -z "$_baeum_best" ]; then
    echo "Baeum needs a JDK 21 or newer and found none: install one (e.g. 'apt-get install openjdk-21-jdk' or Eclipse Temurin 21+) or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME="$_baeum_best"
  export JAVA_HOME
  [ "${MVNW_VERBOSE-}" = true ] && echo "Baeum: using the JDK $_baeum_best_major at $JAVA_HOME" >&2
  return 0
}

baeum_find_jdk
