{{/* Labels every object of the release carries. */}}
{{- define "tributary.labels" -}}
app.kubernetes.io/name: tributary
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/*
  Flink settings shared by every deployment: the TaskManagers' account, S3 access, metrics, extra
  settings. Called with the root and the accounts' prefix: "" for streaming, "batch-" for backfills.
*/}}
{{- define "tributary.commonFlinkConfiguration" -}}
{{- $accounts := .accounts -}}
{{- with .root -}}
kubernetes.taskmanager.service-account: "{{ .Release.Name }}-{{ $accounts }}taskmanager"
metrics.reporter.prom.factory.class: "org.apache.flink.metrics.prometheus.PrometheusReporterFactory"
metrics.reporter.prom.port: "9249"
{{- with .Values.s3.endpoint }}
s3.endpoint: {{ . | quote }}
{{- end }}
{{- if .Values.s3.pathStyleAccess }}
s3.path.style.access: "true"
{{- end }}
{{- range $key, $value := .Values.flinkConfiguration }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}
{{- end -}}

{{/*
  A pipeline's values: defaults merged with its own block (its own keys win).
  Call with (dict "root" $ "name" $name); returns YAML, read back with fromYaml.
*/}}
{{- define "tributary.pipeline" -}}
{{- $own := index .root.Values.pipelines .name | default dict -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $own)) -}}
{{- end -}}

{{/* Whether a pipeline sets a setting (dotted name), by its settings, files or secrets: "true" or "". */}}
{{- define "tributary.isSet" -}}
{{- $value := .p.settings -}}
{{- range splitList "." .setting -}}
{{- $value = ternary (get ($value | default dict) .) nil (kindIs "map" $value) -}}
{{- end -}}
{{- $bySecret := false -}}
{{- $setting := .setting -}}
{{- range .p.secrets }}{{ if eq .setting $setting }}{{ $bySecret = true }}{{ end }}{{ end -}}
{{- if or $value (get .p.files .setting) $bySecret }}true{{ end -}}
{{- end -}}

{{/* Fails unless every setting a mode requires is set. Call with (dict "name" $name "p" $p "mode" "streaming"). */}}
{{- define "tributary.requireSettings" -}}
{{- $mode := index .p .mode -}}
{{- range $mode.requires -}}
{{- if not (include "tributary.isSet" (dict "p" $.p "setting" .)) -}}
{{- fail (printf "pipelines.%s.%s needs tributary.%s.%s: set it under pipelines.%s.settings, files or secrets" $.name $.mode $.name . $.name) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A settings map as profile YAML, leaves without a value left out. Call with (dict "map" $m "indent" n). */}}
{{- define "tributary.settingsYaml" -}}
{{- $indent := .indent -}}
{{- range $key, $value := .map -}}
{{- if kindIs "map" $value -}}
{{- $inner := include "tributary.settingsYaml" (dict "map" $value "indent" (add $indent 2)) -}}
{{- if $inner }}
{{ printf "%s:" $key | indent (int $indent) }}{{ $inner }}
{{- end -}}
{{- else if not (kindIs "invalid" $value) -}}
{{- if ne (toString $value) "" }}
{{ printf "%s: %s" $key (toString $value | quote) | indent (int $indent) }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The Flink main container's mounts and environment: the profile, this pipeline's own Secrets and, for a stream ("kafka" true), the Kafka client's. Call with (dict "root" $ "name" $name "p" $p "kafka" <bool>). */}}
{{- define "tributary.podTemplate" -}}
spec:
  {{- include "tributary.podSecurityContext" (dict "user" 9999) | nindent 2 }}
  containers:
    - name: flink-main-container
      {{- include "tributary.containerSecurityContext" . | nindent 6 }}
      ports:
        - name: metrics
          containerPort: 9249
      {{- with .root.Values.s3.credentialsSecret }}
      envFrom:
        - secretRef:
            name: {{ . }}
      {{- end }}
      volumeMounts:
        - name: profile
          mountPath: /opt/tributary/profile
        - name: tmp
          mountPath: /tmp
        - name: log
          mountPath: /opt/flink/log
        {{- range $i, $s := .p.secrets }}
        - name: secret-{{ $i }}
          mountPath: /opt/tributary/secrets/{{ $.name }}/{{ $s.secret }}
          readOnly: true
        {{- end }}
        {{- if and .kafka .root.Values.kafka.propertiesSecret }}
        - name: kafka-client
          mountPath: /opt/tributary/secrets/kafka/{{ .root.Values.kafka.propertiesSecret.name }}
          readOnly: true
        {{- end }}
  volumes:
    - name: profile
      configMap:
        name: {{ .root.Release.Name }}-profile
    - name: tmp
      emptyDir: {}
    - name: log
      emptyDir: {}
    {{- range $i, $s := .p.secrets }}
    - name: secret-{{ $i }}
      secret:
        secretName: {{ $s.secret }}
    {{- end }}
    {{- if and .kafka .root.Values.kafka.propertiesSecret }}
    - name: kafka-client
      secret:
        secretName: {{ .root.Values.kafka.propertiesSecret.name }}
    {{- end }}
{{- end -}}


{{/*
  Pod Security "restricted" for a pod running as a fixed non-root UID: no root, the runtime's
  default seccomp profile. Call with (dict "user" <uid>).
*/}}
{{- define "tributary.podSecurityContext" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: {{ .user }}
  runAsGroup: {{ .user }}
  fsGroup: {{ .user }}
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{/* A container that cannot gain privileges or write its image: what it writes goes to emptyDirs. */}}
{{- define "tributary.containerSecurityContext" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: ["ALL"]
{{- end -}}

{{/* Egress rules to the cluster's DNS and to the Kubernetes API (by port: its address is not a pod). */}}
{{- define "tributary.egressToDnsAndApi" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
- ports:
    {{- range .Values.networkPolicy.apiServerPorts }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end -}}
