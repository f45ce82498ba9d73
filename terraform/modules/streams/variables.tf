variable "name_prefix" {
  description = "Prefix of the stream names."
  type        = string
}

variable "streams" {
  description = "Streams to create, by short name (e.g. weblogs-lines, cdc-orders); each on-demand."
  type        = list(string)
  default     = ["weblogs-lines", "cdc-events"]
}

variable "retention_hours" {
  description = "How long records stay readable: long enough to replay after an outage."
  type        = number
  default     = 48
}

variable "kms_key_arn" {
  description = "KMS key for server-side encryption; null uses the AWS managed key alias/aws/kinesis."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
