output "stream_arns" {
  description = "Stream ARNs by short name."
  value       = { for name, s in aws_kinesis_stream.this : name => s.arn }
}

output "stream_names" {
  description = "Stream names by short name."
  value       = { for name, s in aws_kinesis_stream.this : name => s.name }
}
