output "role_arn" {
  description = "Role ARN for the service account's eks.amazonaws.com/role-arn annotation (helm value serviceAccount.roleArn)."
  value       = aws_iam_role.flink.arn
}

output "role_name" {
  description = "Name of the role."
  value       = aws_iam_role.flink.name
}
