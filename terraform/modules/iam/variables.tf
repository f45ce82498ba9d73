variable "role_name" {
  description = "Name of the IAM role the Flink pods assume."
  type        = string
}

variable "oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider (IRSA)."
  type        = string
}

variable "oidc_provider_url" {
  description = "Issuer URL of the EKS cluster's OIDC provider, with or without https://."
  type        = string
}

variable "namespace" {
  description = "Kubernetes namespace of the Flink service account."
  type        = string
}

variable "service_accounts" {
  description = "Kubernetes service accounts that may assume the role: the Flink JobManager's and TaskManagers' (helm: <release>-jobmanager, <release>-taskmanager). Never the backfill submitter's, which needs no AWS access."
  type        = list(string)
}

variable "bucket_arns" {
  description = "Buckets the jobs use, by role: landing (read), lake (read and write), checkpoints (read and write)."
  type = object({
    landing     = string
    lake        = string
    checkpoints = string
  })
}

variable "kms_key_arn" {
  description = "KMS key of the buckets."
  type        = string
}

variable "glue_database_names" {
  description = "Glue databases the jobs may look up (bronze, silver, gold)."
  type        = list(string)
}

variable "stream_arns" {
  description = "Kinesis streams the jobs read; empty when events arrive through Kafka."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
