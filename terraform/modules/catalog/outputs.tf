output "database_names" {
  description = "Glue database names by layer."
  value       = { for layer, db in aws_glue_catalog_database.layer : layer => db.name }
}

output "gold_table_locations" {
  description = "S3 location of every gold table, by qualified name."
  value       = { for t, table in local.gold : t => table.location }
}

output "database_arns" {
  description = "Glue database ARNs by layer, for IAM policies."
  value       = { for layer, db in aws_glue_catalog_database.layer : layer => db.arn }
}
