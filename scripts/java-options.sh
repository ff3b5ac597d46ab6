# Sourced by the launchers: the module options Spark needs on Java 17 (org.apache.spark.launcher.JavaModuleOptions),
# in the array JAVA_OPENS.
JAVA_OPENS=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  JAVA_OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
JAVA_OPENS+=("--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED")
