variable "region" {
  description = "AWS region of the environment."
  type        = string
}

variable "name_prefix" {
  description = "Prefix of bucket, stream, role and workgroup names; bucket names are global, so include your organisation."
  type        = string
}

variable "eks_oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider (IRSA)."
  type        = string
}

variable "eks_oidc_provider_url" {
  description = "Issuer URL of the EKS cluster's OIDC provider."
  type        = string
}

variable "flink_namespace" {
  description = "Kubernetes namespace the FlinkDeployments run in (helm release namespace)."
  type        = string
  default     = "tributary"
}

variable "streaming_service_accounts" {
  description = "Service accounts of the streaming jobs' JobManagers and TaskManagers (the chart's <release>-jobmanager and <release>-taskmanager): the streaming role, with the checkpoint bucket and the streams, no landing files."
  type        = list(string)
  default     = ["tributary-jobmanager", "tributary-taskmanager"]
}

variable "batch_service_accounts" {
  description = "Service accounts of the backfills' JobManagers and TaskManagers (the chart's <release>-batch-jobmanager and <release>-batch-taskmanager): the batch role, with the landing files, no checkpoints and no streams."
  type        = list(string)
  default     = ["tributary-batch-jobmanager", "tributary-batch-taskmanager"]
}

variable "create_streams" {
  description = "Create Kinesis streams for the event and CDC feeds (not needed when events arrive through Kafka/MSK)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = { project = "tributary", environment = "dev" }
}

variable "force_destroy" {
  description = "Let terraform destroy delete non-empty buckets (every table, savepoint and query result) and the Athena workgroup. Off by default; on only for a throwaway environment."
  type        = bool
  default     = false
}
