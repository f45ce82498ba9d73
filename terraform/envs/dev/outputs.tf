output "lake_root" {
  description = "tributary.lake.root for the pipelines' profile (helm value profile.lakeRoot)."
  value       = module.lake.lake_root
}

output "landing_root" {
  description = "tributary.landing.root for the pipelines' profile."
  value       = module.lake.landing_root
}

output "checkpoints_root" {
  description = "Base of Flink's checkpoint and savepoint directories (helm value flink.checkpointsRoot)."
  value       = module.lake.checkpoints_root
}

output "streaming_role_arn" {
  description = "IRSA role of the streaming jobs' accounts (helm value serviceAccounts.roleArn)."
  value       = module.iam.role_arns["streaming"]
}

output "batch_role_arn" {
  description = "IRSA role of the backfills' accounts (helm value serviceAccounts.batchRoleArn)."
  value       = module.iam.role_arns["batch"]
}

output "athena_workgroup" {
  description = "Athena workgroup with the named web-log queries."
  value       = module.athena.workgroup_name
}

output "gold_table_locations" {
  description = "Where each gold table's Delta log lives."
  value       = module.catalog.gold_table_locations
}

output "stream_arns" {
  description = "Kinesis stream ARNs by short name (empty without create_streams): the helm values pipelines.<name>.settings.stream, with settings.source: kinesis."
  value       = var.create_streams ? module.streams[0].stream_arns : {}
}
