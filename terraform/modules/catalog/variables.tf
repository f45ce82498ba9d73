variable "database_prefix" {
  description = "Prefix of the Glue database names; \"\" gives the databases bronze, silver and gold that the pipelines' table names use."
  type        = string
  default     = ""
}

variable "lake_root" {
  description = "The lake's root, as tributary.lake.root: s3://<bucket>[/<prefix>]."
  type        = string
}

variable "gold_tables" {
  description = "Gold tables as \"gold.<domain>_<entity>\"; pass the list the pipelines declare (terraform/gold-tables.json) so the catalog cannot drift from them."
  type        = list(string)

  validation {
    condition     = alltrue([for t in var.gold_tables : can(regex("^gold\\.[a-z0-9_]+$", t))])
    error_message = "Every gold table must be named gold.<domain>_<entity> (lower case, digits, underscores)."
  }
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
