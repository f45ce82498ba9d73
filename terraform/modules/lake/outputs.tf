output "bucket_names" {
  description = "Bucket names by role: landing, lake, checkpoints, athena_results."
  value       = { for role, bucket in aws_s3_bucket.this : role => bucket.id }
}

output "bucket_arns" {
  description = "Bucket ARNs by role: landing, lake, checkpoints, athena_results."
  value       = { for role, bucket in aws_s3_bucket.this : role => bucket.arn }
}

output "lake_root" {
  description = "Value for tributary.lake.root: tables live at <lake_root>/<layer>/<table>."
  value       = "s3://${aws_s3_bucket.this["lake"].id}"
}

output "landing_root" {
  description = "Value for tributary.landing.root: batch pipelines read <landing_root>/<domain>/."
  value       = "s3://${aws_s3_bucket.this["landing"].id}"
}

output "checkpoints_root" {
  description = "Base of Flink's state.checkpoints.dir and state.savepoints.dir."
  value       = "s3://${aws_s3_bucket.this["checkpoints"].id}"
}

output "kms_key_arn" {
  description = "The KMS key that encrypts the buckets."
  value       = local.kms_key_arn
}

output "access_logs_bucket" {
  description = "The bucket holding the other buckets' server access logs, under <role>/."
  value       = aws_s3_bucket.access_logs.id
}
