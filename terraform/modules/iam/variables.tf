variable "role_name_prefix" {
  description = "Prefix of the roles' names: each role is named <prefix>-<key of roles>."
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
  description = "Kubernetes namespace of the Flink service accounts."
  type        = string
}

variable "roles" {
  description = "One IAM role per kind of Flink job, by key (the role is <role_name_prefix>-<key>): service_accounts: the Kubernetes accounts of its JobManagers and TaskManagers that may assume it (the chart's <release>-jobmanager and -taskmanager for streaming, <release>-batch-jobmanager and -batch-taskmanager for backfills), never the backfill submitter's; read_landing: it reads the landing bucket (backfills); checkpoints: it reads and writes the checkpoint bucket (streaming: checkpoints, savepoints, HA metadata); lake_prefixes: the lake keys it reads, writes and deletes under (default the three layers and Tributary's own _tributary/ state; narrow to a domain's tables, e.g. \"bronze/weblogs_\", when a role serves one pipeline); stream_arns: Kinesis streams it reads."
  type = map(object({
    service_accounts = list(string)
    read_landing     = bool
    checkpoints      = bool
    lake_prefixes    = optional(list(string), ["bronze/", "silver/", "gold/", "_tributary/"])
    stream_arns      = optional(list(string), [])
  }))

  validation {
    condition     = alltrue([for r in values(var.roles) : length(r.service_accounts) > 0 && length(r.lake_prefixes) > 0])
    error_message = "Every role needs at least one service account and one lake prefix."
  }
  validation {
    condition     = alltrue(flatten([for r in values(var.roles) : [for p in r.lake_prefixes : p != "" && (endswith(p, "/") || strcontains(p, "_"))]]))
    error_message = "A lake prefix names a folder (\"gold/\") or a domain's tables (\"gold/weblogs_\"); an empty prefix would be the whole lake."
  }
  validation {
    condition     = length(distinct(flatten([for r in values(var.roles) : r.service_accounts]))) == length(flatten([for r in values(var.roles) : r.service_accounts]))
    error_message = "A service account may assume one role only: give each kind of job its own accounts."
  }
}

variable "bucket_arns" {
  description = "Buckets the jobs use: landing (read by roles with read_landing), lake (read and written under each role's lake_prefixes), checkpoints (read and written by roles with checkpoints)."
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

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}

variable "stream_kms_key_arns" {
  description = "Customer-managed KMS keys the Kinesis streams are encrypted with (the streams module's kms_key_arn); the roles that read streams may decrypt with them. Empty for the AWS managed key alias/aws/kinesis, which needs no grant."
  type        = list(string)
  default     = []
}
