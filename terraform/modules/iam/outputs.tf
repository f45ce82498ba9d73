output "role_arns" {
  description = "Role ARN by key of roles, for the service accounts' eks.amazonaws.com/role-arn annotation (helm values serviceAccounts.roleArn for streaming, serviceAccounts.batchRoleArn for backfills)."
  value       = { for k, r in aws_iam_role.flink : k => r.arn }
}

output "role_names" {
  description = "Role name by key of roles."
  value       = { for k, r in aws_iam_role.flink : k => r.name }
}
