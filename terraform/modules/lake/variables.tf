variable "name_prefix" {
  description = "Prefix of every bucket name, e.g. \"acme-tributary-dev\"; bucket names are global, so make it unique."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for SSE-KMS on all buckets; null creates a key for the lake."
  type        = string
  default     = null
}

variable "checkpoint_expiration_days" {
  description = "Days after which objects under checkpoints/ of the checkpoint bucket expire; null (the default) keeps them, Flink removing subsumed checkpoints itself. Savepoints and HA metadata never expire. Set it only with full (not incremental) checkpoints: an incremental checkpoint still references older shared files, and a job down longer than this cannot resume its retained checkpoint."
  type        = number
  default     = null
}

variable "landing_expiration_days" {
  description = "Days after which landing files are expired; null keeps them forever."
  type        = number
  default     = null
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which overwritten or deleted object versions are removed (versioning protects against accidental deletes, not as an archive)."
  type        = number
  default     = 30
}

variable "athena_results_expiration_days" {
  description = "Days after which Athena query results expire (they are re-run, not kept)."
  type        = number
  default     = 30
}

variable "access_log_expiration_days" {
  description = "Days the buckets' server access logs are kept."
  type        = number
  default     = 365
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete non-empty buckets, lake and checkpoints included: every table and every savepoint. Off by default; switch it on only for a throwaway environment."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
