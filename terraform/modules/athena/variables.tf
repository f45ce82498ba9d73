variable "name" {
  description = "Name of the Athena workgroup."
  type        = string
}

variable "results_bucket" {
  description = "Bucket for query results, of their own (not the lake's: analysts would need write access to the lake); it must exist."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key that encrypts query results."
  type        = string
}

variable "gold_database" {
  description = "Glue database of the gold tables."
  type        = string
}

variable "named_queries" {
  description = "Saved queries analysts find in the workgroup, by name: what each answers, and its SQL (tables qualified by their Glue database; the workgroup's database is the gold one)."
  type = map(object({
    description = string
    query       = string
  }))
  default = {}
}

variable "bytes_scanned_cutoff_per_query" {
  description = "Queries scanning more than this many bytes are cancelled (cost guard)."
  type        = number
  default     = 10737418240
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete the workgroup with its saved queries and history."
  type        = bool
  default     = false
}
