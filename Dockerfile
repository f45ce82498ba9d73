# Tributary's job image: the official Flink image with the shaded job jar, Flink's S3 file system
# enabled as a plugin, and the Prometheus metrics reporter ready (the FlinkDeployments turn it on).
#
#   mvn -B -DskipTests package            # builds the job jar and serve/target/tributary-serve-<version>.jar
#   docker build -t tributary:0.1.0 .
#
# The Flink Kubernetes Operator starts it in application mode with
# jarURI local:///opt/flink/usrlib/tributary.jar (see k8s-operator/ and helm/tributary).
FROM flink:1.20.1-java17

ARG TRIBUTARY_VERSION=0.1.0-SNAPSHOT

# Plugins load in their own class loaders; s3:// (and s3a://) paths then go through Hadoop's S3A.
RUN mkdir -p /opt/flink/plugins/s3-fs-hadoop \
    && cp /opt/flink/opt/flink-s3-fs-hadoop-1.20.1.jar /opt/flink/plugins/s3-fs-hadoop/ \
    && test -f /opt/flink/plugins/metrics-prometheus/flink-metrics-prometheus-1.20.1.jar

COPY --chown=flink:flink pipelines/target/tributary-pipelines-${TRIBUTARY_VERSION}.jar /opt/flink/usrlib/tributary.jar
COPY --chown=flink:flink conf/ /opt/tributary/conf/
# tributary serve (helm: serve.enabled) runs from the same image, in its own Deployment.
COPY --chown=flink:flink serve/target/tributary-serve-${TRIBUTARY_VERSION}.jar /opt/tributary/lib/tributary-serve.jar
