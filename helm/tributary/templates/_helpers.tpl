{{/* Labels every object of the release carries. */}}
{{- define "tributary.labels" -}}
app.kubernetes.io/name: tributary
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Flink settings shared by every deployment: S3 access, metrics, extra settings. */}}
{{- define "tributary.commonFlinkConfiguration" -}}
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

{{/* The Flink main container's mounts and environment. */}}
{{- define "tributary.podTemplate" -}}
spec:
  containers:
    - name: flink-main-container
      ports:
        - name: metrics
          containerPort: 9249
      {{- with .Values.s3.credentialsSecret }}
      envFrom:
        - secretRef:
            name: {{ . }}
      {{- end }}
      volumeMounts:
        - name: profile
          mountPath: /opt/tributary/profile
        {{- with .Values.pipelines.sre }}{{ if .jdbc.passwordSecret }}
        - name: sre-jdbc
          mountPath: /opt/tributary/secrets/sre-jdbc
          readOnly: true
        {{- end }}{{ end }}
  volumes:
    - name: profile
      configMap:
        name: {{ .Release.Name }}-profile
    {{- with .Values.pipelines.sre }}{{ if .jdbc.passwordSecret }}
    - name: sre-jdbc
      secret:
        secretName: {{ .jdbc.passwordSecret }}
    {{- end }}{{ end }}
{{- end -}}
