output "workgroup_name" {
  description = "The Athena workgroup analysts query in."
  value       = aws_athena_workgroup.this.name
}

output "workgroup_arn" {
  description = "ARN of the workgroup, for IAM policies."
  value       = aws_athena_workgroup.this.arn
}

output "named_query_ids" {
  description = "Named query ids by name."
  value       = { for name, q in aws_athena_named_query.this : name => q.id }
}
